using Connect2Luton.Domain.Common;
using Connect2Luton.Domain.SupplyAgencies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Connect2Luton.Infrastructure.Persistence.Configurations;

internal sealed class SupplyAgencyConfiguration : IEntityTypeConfiguration<SupplyAgency>
{
    public void Configure(EntityTypeBuilder<SupplyAgency> builder)
    {
        builder.ConfigureAggregate();
        builder.Property(a => a.Name).HasMaxLength(Limits.Name);
        builder.Property(a => a.Kind).IsStoredAsText();
        builder.Property(a => a.MarginRate).HasPrecision(5, 4);
        builder.Property(a => a.DpsReference).HasMaxLength(Limits.Reference);
        builder.HasIndex(a => a.Name).IsUnique();
    }
}
