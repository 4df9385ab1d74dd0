using Connect2Luton.Domain.Common;
using Connect2Luton.Domain.HiringManagers;
using Connect2Luton.Domain.ServiceAreas;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Connect2Luton.Infrastructure.Persistence.Configurations;

internal sealed class HiringManagerConfiguration : IEntityTypeConfiguration<HiringManager>
{
    public void Configure(EntityTypeBuilder<HiringManager> builder)
    {
        builder.ConfigureAggregate();
        builder.Property(m => m.Name).HasMaxLength(Limits.Name);
        builder.Property(m => m.Email).HasMaxLength(Limits.Email);
        builder.Property(m => m.JobTitle).HasMaxLength(Limits.Title);
        builder.Property(m => m.Phone).HasMaxLength(Limits.Phone);
        builder.HasIndex(m => m.Email).IsUnique();
        builder.HasOne<ServiceArea>().WithMany().HasForeignKey(m => m.ServiceAreaId).OnDelete(DeleteBehavior.Restrict);
    }
}
