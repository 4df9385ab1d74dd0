using Connect2Luton.Domain.Common;
using Connect2Luton.Domain.ServiceAreas;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Connect2Luton.Infrastructure.Identity;

internal sealed class ApplicationUserConfiguration : IEntityTypeConfiguration<ApplicationUser>
{
    public void Configure(EntityTypeBuilder<ApplicationUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(Limits.Name);
        builder.HasOne<ServiceArea>().WithMany().HasForeignKey(u => u.ServiceAreaId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Domain.SupplyAgencies.SupplyAgency>().WithMany().HasForeignKey(u => u.SupplyAgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Domain.Workers.Worker>().WithMany().HasForeignKey(u => u.WorkerId).OnDelete(DeleteBehavior.Restrict);
        // One account a worker: two would be two people entering the same worker's hours as them.
        builder.HasIndex(u => u.WorkerId).IsUnique();
    }
}
