using Connect2Luton.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Connect2Luton.Infrastructure.Scheduling.Dues;

internal sealed class NightlyDueConfiguration : IEntityTypeConfiguration<NightlyDue>, IEntityTypeConfiguration<NightlyChange>, IEntityTypeConfiguration<NightlyBasis>
{
    public void Configure(EntityTypeBuilder<NightlyDue> builder)
    {
        builder.ToTable("NightlyDues");
        builder.HasKey(d => new { d.Check, d.PlacementId });
        builder.Property(d => d.Check).HasMaxLength(Limits.Name);
        builder.Property(d => d.PlacementId).ValueGeneratedNever();
    }

    public void Configure(EntityTypeBuilder<NightlyChange> builder)
    {
        builder.ToTable("NightlyChanges");
        builder.HasKey(c => c.Id);
        builder.HasIndex(c => new { c.WorkerId, c.At });
        builder.HasIndex(c => c.At);
    }

    public void Configure(EntityTypeBuilder<NightlyBasis> builder)
    {
        builder.ToTable("NightlyBases");
        builder.HasKey(b => b.Check);
        builder.Property(b => b.Check).HasMaxLength(Limits.Name);
        builder.Property(b => b.Basis).HasMaxLength(Limits.LongText);
    }
}
