using Connect2Luton.Domain.Common;
using Connect2Luton.Domain.SupplyAgencies;
using Connect2Luton.Domain.Workers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Connect2Luton.Infrastructure.Persistence.Configurations;

internal sealed class WorkerConfiguration : IEntityTypeConfiguration<Worker>
{
    public void Configure(EntityTypeBuilder<Worker> builder)
    {
        builder.ConfigureAggregate();
        builder.Ignore(w => w.FullName);
        builder.Property(w => w.FirstName).HasMaxLength(Limits.Name);
        builder.Property(w => w.LastName).HasMaxLength(Limits.Name);
        builder.Property(w => w.Email).HasMaxLength(Limits.Email);
        builder.Property(w => w.Phone).HasMaxLength(Limits.Phone);
        builder.Property(w => w.Postcode).HasMaxLength(Limits.Postcode);
        builder.Property(w => w.PostcodeDistrict).HasMaxLength(Limits.PostcodeDistrict);
        builder.Property(w => w.JobFamily).IsStoredAsText();
        builder.Property(w => w.PreviousCouncil).HasMaxLength(Limits.Name);
        builder.Property(w => w.PreviousCouncilRegion).HasMaxLength(Limits.Name);
        builder.Property(w => w.ExternalReference).HasMaxLength(Limits.Reference);
        builder.HasOne<SupplyAgency>().WithMany().HasForeignKey(w => w.SupplyAgencyId).OnDelete(DeleteBehavior.Restrict);

        builder.OwnsOne(w => w.RightToWork, check =>
        {
            check.Property(c => c.CheckedOn).HasColumnName("RightToWorkCheckedOn");
            check.Property(c => c.ExpiresOn).HasColumnName("RightToWorkExpiresOn");
        });
        builder.OwnsOne(w => w.Dbs, check =>
        {
            check.Property(c => c.IssuedOn).HasColumnName("DbsIssuedOn");
            check.Property(c => c.Level).HasColumnName("DbsLevel").IsStoredAsText();
            check.Property(c => c.CertificateNumber).HasColumnName("DbsCertificateNumber").HasMaxLength(12);
            check.Property(c => c.OnUpdateService).HasColumnName("DbsOnUpdateService");
            check.Property(c => c.StatusCheckedOn).HasColumnName("DbsStatusCheckedOn");
        });
        builder.OwnsOne(w => w.Registration, registration =>
        {
            registration.Property(r => r.Body).HasColumnName("RegistrationBody").IsStoredAsText();
            registration.Property(r => r.Number).HasColumnName("RegistrationNumber").HasMaxLength(Limits.Reference);
            registration.Property(r => r.ExpiresOn).HasColumnName("RegistrationExpiresOn");
        });

        builder.HasMany(w => w.Breaks).WithOne().HasForeignKey(b => b.WorkerId).OnDelete(DeleteBehavior.Cascade);

        // The worker search: by name, postcode district, job family and whether the worker is in the pool.
        builder.HasIndex(w => new { w.LastName, w.FirstName });
        builder.HasIndex(w => w.FirstName);
        builder.HasIndex(w => w.Email);
        builder.HasIndex(w => w.Postcode);
        // Searching a district lists it by surname straight from this index, without sorting the district.
        builder.HasIndex(w => new { w.PostcodeDistrict, w.LastName, w.FirstName });
        builder.HasIndex(w => new { w.JobFamily, w.IsActive });
        // Every worker an agency supplies (its foreign key; the pool's workers it supplies among them). Its own
        // candidates by surname are IX_Workers_AgencyCandidates, filtered in each provider's SQL (its context).
        builder.HasIndex(w => w.SupplyAgencyId);
        // One worker per reference they were brought in with: a file imported twice, or by two admins at once, adds them once.
        builder.HasIndex(w => w.ExternalReference).IsUnique();
    }
}

internal sealed class WorkerBreakConfiguration : IEntityTypeConfiguration<WorkerBreak>
{
    public void Configure(EntityTypeBuilder<WorkerBreak> builder)
    {
        builder.ToTable("WorkerBreaks");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Reason).IsStoredAsText();
        builder.Property(b => b.Note).HasMaxLength(Limits.Reason);
        builder.Property(b => b.RecordedBy).HasMaxLength(Limits.Actor);
        builder.HasIndex(b => new { b.WorkerId, b.From });
    }
}
