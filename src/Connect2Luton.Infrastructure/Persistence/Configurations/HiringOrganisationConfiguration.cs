using Connect2Luton.Domain.Common;
using Connect2Luton.Domain.HiringOrganisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Connect2Luton.Infrastructure.Persistence.Configurations;

internal sealed class HiringOrganisationConfiguration : IEntityTypeConfiguration<HiringOrganisation>
{
    public void Configure(EntityTypeBuilder<HiringOrganisation> builder)
    {
        builder.ConfigureAggregate();
        builder.Property(o => o.Name).HasMaxLength(Limits.Name);
        builder.Property(o => o.InvoiceAddress).HasMaxLength(Limits.Reason);
        builder.Property(o => o.InvoiceContact).HasMaxLength(Limits.Name);
        builder.Property(o => o.InvoiceEmail).HasMaxLength(Limits.Email);
        builder.Property(o => o.MarginAdjustment).HasPrecision(6, 4);
        builder.HasIndex(o => o.Name).IsUnique();
        // The council is there from the first migration: every service belongs to it until an admin says otherwise.
        builder.HasData(new
        {
            Id = HiringOrganisation.CouncilId,
            Version = 0,
            Name = "Luton Borough Council",
            InvoiceAddress = "Accounts Payable\nTown Hall\nGeorge Street\nLuton\nLU1 2BQ",
            InvoiceContact = "Accounts Payable",
            InvoiceEmail = "accounts.payable@luton.gov.example",
            PurchaseOrderRequired = true,
            MarginAdjustment = 0m,
            IsActive = true,
        });
    }
}
