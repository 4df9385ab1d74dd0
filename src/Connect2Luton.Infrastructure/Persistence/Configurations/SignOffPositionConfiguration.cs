using Connect2Luton.Domain.Common;
using Connect2Luton.Domain.SignOffs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Connect2Luton.Infrastructure.Persistence.Configurations;

internal sealed class SignOffPositionConfiguration : IEntityTypeConfiguration<SignOffPosition>
{
    public void Configure(EntityTypeBuilder<SignOffPosition> builder)
    {
        builder.ToTable("SignOffPositions");
        builder.ConfigureAggregate();
        builder.Property(p => p.Name).HasMaxLength(Limits.Name);
        builder.HasIndex(p => p.Name).IsUnique();
        builder.Property(p => p.HolderUserName).HasMaxLength(Limits.Actor);
        builder.Property(p => p.HolderName).HasMaxLength(Limits.Name);
        builder.Property(p => p.DeputyUserName).HasMaxLength(Limits.Actor);
        builder.Property(p => p.DeputyName).HasMaxLength(Limits.Name);
        builder.Property(p => p.ChangedBy).HasMaxLength(Limits.Actor);
        builder.Ignore(p => p.Holder);
        builder.Ignore(p => p.Deputy);
        builder.HasIndex(p => p.HolderUserName);
        builder.HasIndex(p => p.DeputyUserName);
    }
}
