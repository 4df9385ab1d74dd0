using Connect2Luton.Domain.Common;
using Connect2Luton.Domain.ServiceAreas;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Connect2Luton.Infrastructure.Persistence.Configurations;

internal sealed class ServiceAreaConfiguration : IEntityTypeConfiguration<ServiceArea>
{
    public void Configure(EntityTypeBuilder<ServiceArea> builder)
    {
        builder.ConfigureAggregate();
        builder.Property(s => s.Code).HasMaxLength(Limits.Code);
        builder.Property(s => s.Name).HasMaxLength(Limits.Name);
        builder.Property(s => s.Directorate).HasMaxLength(Limits.Name);
        builder.Property(s => s.EstablishmentFte).HasPrecision(9, 2);
        builder.HasIndex(s => s.Code).IsUnique();
        builder.HasIndex(s => s.Name).IsUnique();
        // Existing services were the council's: the column's default says so for rows written before it.
        builder.Property(s => s.HiringOrganisationId).HasDefaultValue(Domain.HiringOrganisations.HiringOrganisation.CouncilId).ValueGeneratedNever();
        builder.HasOne<Domain.HiringOrganisations.HiringOrganisation>().WithMany().HasForeignKey(s => s.HiringOrganisationId).OnDelete(DeleteBehavior.Restrict);
        // A short list of ids read with the service, never queried into: kept as a JSON array in one column.
        builder.PrimitiveCollection(s => s.JobRoleIds).HasField("_jobRoleIds").UsePropertyAccessMode(PropertyAccessMode.Field).IsRequired();
    }
}
