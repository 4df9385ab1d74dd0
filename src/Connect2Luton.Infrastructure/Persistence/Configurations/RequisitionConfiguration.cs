using Connect2Luton.Domain.Common;
using Connect2Luton.Domain.HiringManagers;
using Connect2Luton.Domain.JobRoles;
using Connect2Luton.Domain.Requisitions;
using Connect2Luton.Domain.ServiceAreas;
using Connect2Luton.Domain.Workers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Connect2Luton.Infrastructure.Persistence.Configurations;

internal sealed class RequisitionConfiguration : IEntityTypeConfiguration<Requisition>
{
    public void Configure(EntityTypeBuilder<Requisition> builder)
    {
        builder.ConfigureAggregate();
        builder.Property(r => r.Title).HasMaxLength(Limits.Title);
        builder.Property(r => r.Reason).IsStoredAsText();
        builder.Property(r => r.Description).HasMaxLength(Limits.LongText);
        builder.Property(r => r.WeeklyHours).HasPrecision(5, 2);
        builder.Property(r => r.MaximumPayRate).IsHourlyRate();
        builder.Property(r => r.Status).IsStoredAsText();
        builder.Property(r => r.RaisedBy).HasMaxLength(Limits.Actor);
        builder.Ignore(r => r.CanBeRevised);
        builder.Ignore(r => r.CanTakePlacement);

        builder.HasOne<ServiceArea>().WithMany().HasForeignKey(r => r.ServiceAreaId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<JobRole>().WithMany().HasForeignKey(r => r.JobRoleId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<HiringManager>().WithMany().HasForeignKey(r => r.HiringManagerId).OnDelete(DeleteBehavior.Restrict);

        builder.HasMany(r => r.Events).WithOne().HasForeignKey(e => e.RequisitionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Shortlist).WithOne().HasForeignKey(e => e.RequisitionId).OnDelete(DeleteBehavior.Cascade);

        // The requisitions list filters by status and service; approvals look for submitted ones in a service.
        // The list is newest first, optionally by status: both orderings come straight from an index.
        builder.HasIndex(r => new { r.Status, r.ServiceAreaId });
        builder.HasIndex(r => r.RaisedAt);
        builder.HasIndex(r => new { r.Status, r.RaisedAt });
        builder.HasIndex(r => new { r.ServiceAreaId, r.RaisedAt });
        builder.HasIndex(r => r.JobRoleId);
        // The few project teams' requisitions, which the DfE return marks, found without reading the rest.
        builder.HasIndex(r => r.IsProjectTeam);
    }
}

internal sealed class RequisitionEventConfiguration : IEntityTypeConfiguration<RequisitionEvent>
{
    public void Configure(EntityTypeBuilder<RequisitionEvent> builder)
    {
        builder.ToTable("RequisitionEvents");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.From).HasConversion<string>().HasMaxLength(40);
        builder.Property(e => e.To).IsStoredAsText();
        builder.Property(e => e.By).HasMaxLength(Limits.Actor);
        builder.Property(e => e.Note).HasMaxLength(Limits.Reason);
    }
}

internal sealed class ShortlistEntryConfiguration : IEntityTypeConfiguration<ShortlistEntry>
{
    public void Configure(EntityTypeBuilder<ShortlistEntry> builder)
    {
        builder.ToTable("ShortlistEntries");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.LocalTier).HasMaxLength(Limits.Code);
        builder.Property(e => e.Status).IsStoredAsText();
        builder.Property(e => e.AddedBy).HasMaxLength(Limits.Actor);
        builder.Property(e => e.RemovedBy).HasMaxLength(Limits.Actor);
        builder.Property(e => e.RemovalReason).HasMaxLength(Limits.Reason);
        builder.HasOne<Worker>().WithMany().HasForeignKey(e => e.WorkerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(e => e.Decision).WithMany().HasForeignKey(e => e.DecisionId).OnDelete(DeleteBehavior.Restrict);
        // A worker is on a requisition's shortlist once; removing and re-adding reuses the entry.
        builder.HasIndex(e => new { e.RequisitionId, e.WorkerId }).IsUnique();
        builder.HasIndex(e => e.WorkerId);
    }
}
