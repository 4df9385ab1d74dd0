using Connect2Luton.Domain.Common;
using Connect2Luton.Domain.Requisitions;
using Connect2Luton.Domain.SupplyAgencies;
using Connect2Luton.Domain.SupplyChain;
using Connect2Luton.Domain.Workers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Connect2Luton.Infrastructure.Persistence.Configurations;

internal sealed class SupplierReleaseConfiguration : IEntityTypeConfiguration<SupplierRelease>
{
    public void Configure(EntityTypeBuilder<SupplierRelease> builder)
    {
        builder.ConfigureAggregate();
        builder.Property(r => r.HoldReason).HasMaxLength(Limits.Reason);
        builder.Ignore(r => r.IsHeld);
        builder.HasOne<Requisition>().WithMany().HasForeignKey(r => r.RequisitionId).OnDelete(DeleteBehavior.Restrict);
        // One release record per requisition: the job and a recruiter releasing at once cannot make two.
        builder.HasIndex(r => r.RequisitionId).IsUnique();
        builder.HasMany(r => r.Steps).WithOne().HasForeignKey(s => s.SupplierReleaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Profiles).WithOne().HasForeignKey(p => p.SupplierReleaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReleaseStepConfiguration : IEntityTypeConfiguration<ReleaseStep>
{
    public void Configure(EntityTypeBuilder<ReleaseStep> builder)
    {
        builder.ToTable("ReleaseSteps");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Kind).IsStoredAsText();
        builder.Property(s => s.Tier).HasConversion<string>().HasMaxLength(40);
        builder.Property(s => s.By).HasMaxLength(Limits.Actor);
        builder.Property(s => s.RuleVersion).HasMaxLength(Limits.ContentHash);
        builder.Property(s => s.Reason).HasMaxLength(Limits.Reason);
    }
}

internal sealed class ReleasedProfileConfiguration : IEntityTypeConfiguration<ReleasedProfile>
{
    public void Configure(EntityTypeBuilder<ReleasedProfile> builder)
    {
        builder.ToTable("ReleasedProfiles");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Tier).IsStoredAsText();
        builder.Ignore(p => p.Profile);
        // A kind of agency is reached once per requisition; an agency's list reads its kind's rows, newest first,
        // straight from this index (the requisition id is in it, so no row is read).
        builder.HasIndex(p => new { p.SupplierReleaseId, p.Tier, p.OnDps, p.ConfirmsDfeAgencyRules }).IsUnique();
        builder.HasIndex(p => new { p.Tier, p.OnDps, p.ConfirmsDfeAgencyRules, p.ReleasedAt, p.RequisitionId });
        builder.HasIndex(p => p.RequisitionId);
    }
}

internal sealed class SubmissionConfiguration : IEntityTypeConfiguration<Submission>
{
    public void Configure(EntityTypeBuilder<Submission> builder)
    {
        builder.ConfigureAggregate();
        builder.Property(s => s.Tier).IsStoredAsText();
        builder.Property(s => s.Status).IsStoredAsText();
        builder.Property(s => s.SubmittedBy).HasMaxLength(Limits.Actor);
        builder.Property(s => s.DecidedBy).HasMaxLength(Limits.Actor);
        builder.Property(s => s.Reason).HasMaxLength(Limits.Reason);
        builder.Ignore(s => s.IsLive);
        builder.HasOne<Requisition>().WithMany().HasForeignKey(s => s.RequisitionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<SupplyAgency>().WithMany().HasForeignKey(s => s.SupplyAgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Worker>().WithMany().HasForeignKey(s => s.WorkerId).OnDelete(DeleteBehavior.Restrict);
        // The shortlist reads a requisition's submissions; an agency reads its own, newest first; reports by period.
        builder.HasIndex(s => new { s.RequisitionId, s.WorkerId });
        builder.HasIndex(s => new { s.SupplyAgencyId, s.SubmittedAt });
        builder.HasIndex(s => s.SubmittedAt);
    }
}

internal sealed class CandidateClaimConfiguration : IEntityTypeConfiguration<CandidateClaim>
{
    public void Configure(EntityTypeBuilder<CandidateClaim> builder)
    {
        builder.ConfigureAggregate();
        builder.Property(c => c.Key).HasMaxLength(Limits.ContentHash).IsUnicode(false);
        builder.HasOne<Requisition>().WithMany().HasForeignKey(c => c.RequisitionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.Submission).WithMany().HasForeignKey(c => c.SubmissionId).OnDelete(DeleteBehavior.Restrict);
        // The guarantee against two agencies putting one person forward for one role, whoever saves first.
        builder.HasIndex(c => new { c.RequisitionId, c.Key }).IsUnique();
        builder.HasIndex(c => c.SubmissionId);
    }
}
