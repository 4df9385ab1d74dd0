using Connect2Luton.Domain.Common;
using Connect2Luton.Domain.JobRoles;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Domain.Requisitions;
using Connect2Luton.Domain.ServiceAreas;
using Connect2Luton.Domain.SupplyAgencies;
using Connect2Luton.Domain.Workers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Connect2Luton.Infrastructure.Persistence.Configurations;

internal sealed class PlacementConfiguration : IEntityTypeConfiguration<Placement>
{
    public void Configure(EntityTypeBuilder<Placement> builder)
    {
        builder.ConfigureAggregate();
        builder.OwnsOne(p => p.Rates, rates =>
        {
            rates.Property(r => r.PayRate).HasColumnName("PayRate").IsHourlyRate();
            rates.Property(r => r.HolidayPay).HasColumnName("HolidayPay").IsHourlyRate();
            rates.Property(r => r.EmployerNationalInsurance).HasColumnName("EmployerNationalInsurance").IsHourlyRate();
            rates.Property(r => r.EmployerPension).HasColumnName("EmployerPension").IsHourlyRate();
            rates.Property(r => r.Margin).HasColumnName("Margin").IsHourlyRate();
            rates.Property(r => r.ChargeRate).HasColumnName("ChargeRate").IsHourlyRate();
            rates.Ignore(r => r.OnCosts);
        });
        builder.Navigation(p => p.Rates).IsRequired();
        builder.Property(p => p.WeeklyHours).HasPrecision(5, 2);
        // A complex property, not an owned one: its columns are the placement's own, so a grouped sum reads them
        // inline (EF sums an owned value's column in a subquery per group).
        builder.ComplexProperty(p => p.CommittedWeek, week =>
        {
            week.Property(w => w.Charge).HasColumnName("WeeklyCharge").IsRateTimesHours();
            week.Property(w => w.Margin).HasColumnName("WeeklyMargin").IsRateTimesHours();
            week.Property(w => w.PayAndStatutoryCosts).HasColumnName("WeeklyPayAndStatutoryCosts").IsRateTimesHours();
        });
        builder.Property(p => p.Status).IsStoredAsText();
        builder.Property(p => p.EndReason).HasMaxLength(Limits.Reason);
        builder.Property(p => p.BookedBy).HasMaxLength(Limits.Actor);
        builder.Property(p => p.EndedBy).HasMaxLength(Limits.Actor);
        builder.Property(p => p.ExternalReference).HasMaxLength(Limits.Reference);
        builder.Ignore(p => p.EndDate);

        builder.HasOne<Requisition>().WithMany().HasForeignKey(p => p.RequisitionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Worker>().WithMany().HasForeignKey(p => p.WorkerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<SupplyAgency>().WithMany().HasForeignKey(p => p.SupplyAgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(p => p.WorkerPostcodeDistrict).HasMaxLength(Limits.PostcodeDistrict);
        builder.HasOne<ServiceArea>().WithMany().HasForeignKey(p => p.ServiceAreaId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<JobRole>().WithMany().HasForeignKey(p => p.JobRoleId).OnDelete(DeleteBehavior.Restrict);

        builder.HasMany(p => p.Extensions).WithOne().HasForeignKey(e => e.PlacementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.CapExceptions).WithOne().HasForeignKey(e => e.PlacementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.RateChanges).WithOne().HasForeignKey(e => e.PlacementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Decisions).WithOne().HasForeignKey(d => d.PlacementId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.SignOffs).WithOne().HasForeignKey(s => s.PlacementId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(p => p.PendingExtension);

        // The nightly scan reads live placements by status and start; lists and reports by service and end date. The
        // service and role ride along in the start-date indexes so the dashboard's counts and the list's filters are
        // answered from the index alone.
        builder.HasIndex(p => new { p.Status, p.StartDate, p.ServiceAreaId, p.JobRoleId });
        builder.HasIndex(p => new { p.StartDate, p.ServiceAreaId, p.JobRoleId });
        // Holds the start and the worker too, so who is booked over a period (the shortlist's busy workers) is read from the index alone.
        builder.HasIndex(p => new { p.Status, p.PlannedEndDate, p.StartDate, p.WorkerId });
        builder.HasIndex(p => new { p.ServiceAreaId, p.Status });
        builder.HasIndex(p => new { p.WorkerId, p.Status });
        builder.HasIndex(p => p.RequisitionId);
        builder.HasIndex(p => p.JobRoleId);
        // One placement per reference it was brought in with.
        builder.HasIndex(p => p.ExternalReference).IsUnique();
        // The live placements' money groups (dashboard and reports) read "IX_Placements_LiveMoney", which covers the
        // committed week's columns. EF Core 10 cannot name a complex type's columns in an index, so it is created
        // by the migrations in each provider's SQL (LiveMoneyIndex), not here; a migration that rebuilds the
        // Placements table on SQLite must create it again. So must it "IX_Placements_InPost" (InPostIndex), from which
        // who was in post in a service's roles over a period (the workforce trend, the DfE return with each
        // assignment's worker, requisition and pay rate) is read alone; and "IX_Placements_SupplierBookings"
        // (SupplierBookingsIndex), from which a supplier's bookings over a period and their margins are read alone.
    }
}

internal sealed class PlacementExtensionConfiguration : IEntityTypeConfiguration<PlacementExtension>
{
    public void Configure(EntityTypeBuilder<PlacementExtension> builder)
    {
        builder.ToTable("PlacementExtensions");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Reason).HasMaxLength(Limits.Reason);
        builder.Property(e => e.ApprovedBy).HasMaxLength(Limits.Name);
        builder.Property(e => e.Status).IsStoredAsText();
        builder.Property(e => e.RecordedBy).HasMaxLength(Limits.Actor);
        builder.HasOne(e => e.Decision).WithMany().HasForeignKey(e => e.DecisionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CapExceptionConfiguration : IEntityTypeConfiguration<CapException>
{
    public void Configure(EntityTypeBuilder<CapException> builder)
    {
        builder.ToTable("CapExceptions");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.PayRate).IsHourlyRate();
        builder.Property(e => e.ChargeRate).IsHourlyRate();
        builder.Property(e => e.Cap).IsHourlyRate();
        builder.Property(e => e.Measured).IsHourlyRate();
        builder.Property(e => e.Approvers).HasMaxLength(Limits.Reason);
        builder.Property(e => e.Reason).HasMaxLength(Limits.Reason);
        builder.Property(e => e.RecordedBy).HasMaxLength(Limits.Actor);
        builder.HasOne(e => e.Decision).WithMany().HasForeignKey(e => e.DecisionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => e.RecordedAt);
    }
}

internal sealed class SignOffConfiguration : IEntityTypeConfiguration<SignOff>
{
    public void Configure(EntityTypeBuilder<SignOff> builder)
    {
        builder.ToTable("SignOffs");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Subject).IsStoredAsText();
        builder.Property(s => s.State).IsStoredAsText();
        builder.Property(s => s.Position).HasMaxLength(Limits.Name);
        builder.Property(s => s.RequestedBy).HasMaxLength(Limits.Actor);
        builder.Property(s => s.DecidedBy).HasMaxLength(Limits.Actor);
        builder.Property(s => s.DecidedByName).HasMaxLength(Limits.Name);
        builder.Property(s => s.Note).HasMaxLength(Limits.Reason);
        builder.HasOne(s => s.CapException).WithMany().HasForeignKey(s => s.CapExceptionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(s => s.Extension).WithMany().HasForeignKey(s => s.ExtensionId).OnDelete(DeleteBehavior.Restrict);
        // A holder's list: what waits for their posts, oldest first; what they decided, newest first.
        builder.HasIndex(s => new { s.State, s.Position, s.RequestedAt });
        builder.HasIndex(s => new { s.DecidedBy, s.DecidedAt });
        builder.HasIndex(s => s.PlacementId);
        builder.HasIndex(s => s.CapExceptionId);
        builder.HasIndex(s => s.ExtensionId);
    }
}

internal sealed class PlacementRateChangeConfiguration : IEntityTypeConfiguration<PlacementRateChange>
{
    public void Configure(EntityTypeBuilder<PlacementRateChange> builder)
    {
        builder.ToTable("PlacementRateChanges");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.PreviousPayRate).IsHourlyRate();
        builder.Property(e => e.PreviousChargeRate).IsHourlyRate();
        builder.Property(e => e.NewPayRate).IsHourlyRate();
        builder.Property(e => e.NewChargeRate).IsHourlyRate();
        builder.Property(e => e.Reason).HasMaxLength(Limits.Reason);
        builder.Property(e => e.RecordedBy).HasMaxLength(Limits.Actor);
        // The DfE return reads the changes made since the quarter it reports: a few, found by date, not by placement.
        builder.HasIndex(e => e.EffectiveFrom);
    }
}

internal sealed class PlacementFlagConfiguration : IEntityTypeConfiguration<PlacementFlag>
{
    public void Configure(EntityTypeBuilder<PlacementFlag> builder)
    {
        builder.ConfigureAggregate();
        builder.Property(f => f.Kind).IsStoredAsText();
        builder.Property(f => f.Message).HasMaxLength(Limits.Reason);
        builder.Property(f => f.Resolution).HasMaxLength(Limits.Reason);
        builder.Ignore(f => f.IsOpen);
        builder.HasOne<Placement>().WithMany().HasForeignKey(f => f.PlacementId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(f => f.Rule).HasMaxLength(Limits.Name);
        builder.Property(f => f.RuleSetVersion).HasMaxLength(Limits.ContentHash);
        // The look-up of a placement's open flags is the unique index each provider's context adds (one open flag
        // of a kind per placement), filtered in that provider's SQL. No index leads with ResolvedAt: SQLite would
        // take it for the nightly look-up and read every open flag for each batch.
    }
}
