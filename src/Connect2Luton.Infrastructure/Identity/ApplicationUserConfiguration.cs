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
    }
}
