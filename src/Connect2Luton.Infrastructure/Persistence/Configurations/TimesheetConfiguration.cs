using Connect2Luton.Domain.Common;
using Connect2Luton.Domain.JobRoles;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Domain.ServiceAreas;
using Connect2Luton.Domain.SupplyAgencies;
using Connect2Luton.Domain.Timesheets;
using Connect2Luton.Domain.Workers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Connect2Luton.Infrastructure.Persistence.Configurations;

internal sealed class TimesheetConfiguration : IEntityTypeConfiguration<Timesheet>
{
    public void Configure(EntityTypeBuilder<Timesheet> builder)
    {
        builder.ConfigureAggregate();
        builder.Property(t => t.Status).IsStoredAsText();
        builder.Property(t => t.EnteredAs).IsStoredAsText();
        builder.Property(t => t.EnteredBy).HasMaxLength(Limits.Actor);
        builder.Property(t => t.ApprovedBy).HasMaxLength(Limits.Actor);
        builder.Property(t => t.QueryReason).HasMaxLength(Limits.Reason);
        builder.Property(t => t.Hours).HasPrecision(7, 2);
        builder.Property(t => t.Charge).IsAmount();
        builder.Property(t => t.Pay).IsAmount();
        builder.Ignore(t => t.WeekEnd);
        builder.Ignore(t => t.IsAdjustment);
        builder.Ignore(t => t.CanBeChanged);

        builder.HasOne<Placement>().WithMany().HasForeignKey(t => t.PlacementId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Worker>().WithMany().HasForeignKey(t => t.WorkerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<SupplyAgency>().WithMany().HasForeignKey(t => t.SupplyAgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ServiceArea>().WithMany().HasForeignKey(t => t.ServiceAreaId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<JobRole>().WithMany().HasForeignKey(t => t.JobRoleId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Domain.HiringOrganisations.HiringOrganisation>().WithMany().HasForeignKey(t => t.HiringOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Timesheet>().WithMany().HasForeignKey(t => t.AdjustsTimesheetId).OnDelete(DeleteBehavior.Restrict);

        builder.HasMany(t => t.Entries).WithOne().HasForeignKey(e => e.TimesheetId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(t => t.Lines).WithOne().HasForeignKey(l => l.TimesheetId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(t => t.History).WithOne().HasForeignKey(e => e.TimesheetId).OnDelete(DeleteBehavior.Cascade);

        // A week has one timesheet and then one of each adjustment, whoever enters them at once: the database refuses a second.
        builder.HasIndex(t => new { t.PlacementId, t.WeekStart, t.Sequence }).IsUnique();
        // The list, newest week first, filtered by status and service; a manager's queue; a worker's own weeks.
        builder.HasIndex(t => new { t.WeekStart, t.Id, t.Status, t.ServiceAreaId });
        builder.HasIndex(t => new { t.Status, t.ServiceAreaId, t.WeekStart });
        // Every service's weeks of one status, newest first (the recruiter's "waiting approval"), read in order from the
        // newest: without it SQLite sorted all of that status's weeks (160,000 waiting among a million) for each page.
        builder.HasIndex(t => new { t.Status, t.WeekStart, t.Id });
        builder.HasIndex(t => new { t.WorkerId, t.WeekStart });
        builder.HasIndex(t => new { t.SupplyAgencyId, t.WeekStart });
        builder.HasIndex(t => new { t.HiringOrganisationId, t.WeekStart });
    }
}

internal sealed class TimesheetEntryConfiguration : IEntityTypeConfiguration<TimesheetEntry>
{
    public void Configure(EntityTypeBuilder<TimesheetEntry> builder)
    {
        builder.ToTable("TimesheetEntries");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Type).IsStoredAsText();
        builder.Property(e => e.Hours).HasPrecision(5, 2);
    }
}

internal sealed class TimesheetLineConfiguration : IEntityTypeConfiguration<TimesheetLine>
{
    public void Configure(EntityTypeBuilder<TimesheetLine> builder)
    {
        builder.ToTable("TimesheetLines");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Type).IsStoredAsText();
        builder.Property(l => l.Hours).HasPrecision(5, 2);
        builder.Property(l => l.RuleVersion).HasMaxLength(Limits.ContentHash);
        builder.ComplexProperty(l => l.Rates, rates =>
        {
            rates.Property(r => r.PayRate).HasColumnName("PayRate").HasPrecision(12, 4);
            rates.Property(r => r.HolidayPay).HasColumnName("HolidayPayRate").HasPrecision(12, 4);
            rates.Property(r => r.EmployerNationalInsurance).HasColumnName("EmployerNationalInsuranceRate").HasPrecision(12, 4);
            rates.Property(r => r.EmployerPension).HasColumnName("EmployerPensionRate").HasPrecision(12, 4);
            rates.Property(r => r.Margin).HasColumnName("MarginRate").HasPrecision(12, 4);
            rates.Property(r => r.ChargeRate).HasColumnName("ChargeRate").HasPrecision(12, 4);
            rates.Ignore(r => r.OnCosts);
        });
        builder.Property(l => l.Pay).IsAmount();
        builder.Property(l => l.HolidayPay).IsAmount();
        builder.Property(l => l.EmployerNationalInsurance).IsAmount();
        builder.Property(l => l.EmployerPension).IsAmount();
        builder.Property(l => l.Margin).IsAmount();
        builder.Property(l => l.Charge).IsAmount();
        // Spend by period (a month's invoice, a year's report) sums lines by the day worked.
        builder.HasIndex(l => new { l.Day, l.TimesheetId });
    }
}

internal sealed class TimesheetEventConfiguration : IEntityTypeConfiguration<TimesheetEvent>
{
    public void Configure(EntityTypeBuilder<TimesheetEvent> builder)
    {
        builder.ToTable("TimesheetEvents");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Step).IsStoredAsText();
        builder.Property(e => e.By).HasMaxLength(Limits.Actor);
        builder.Property(e => e.Reason).HasMaxLength(Limits.Reason);
    }
}
