using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Domain.Auditing;
using Connect2Luton.Domain.Conversions;
using Connect2Luton.Domain.Decisions;
using Connect2Luton.Domain.HiringManagers;
using Connect2Luton.Domain.JobRoles;
using Connect2Luton.Domain.Jobs;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Domain.Requisitions;
using Connect2Luton.Domain.RuleSets;
using Connect2Luton.Domain.ServiceAreas;
using Connect2Luton.Domain.SupplyAgencies;
using Connect2Luton.Domain.SupplyChain;
using Connect2Luton.Domain.Workers;
using Connect2Luton.Infrastructure.Identity;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Connect2Luton.Infrastructure.Persistence;

/// <summary>
/// The one database context, shared by both providers. Each provider has a subclass that carries its own
/// migrations (<see cref="SqliteAppDbContext"/>, <see cref="SqlServerAppDbContext"/>).
/// </summary>
public abstract class AppDbContext : IdentityDbContext<ApplicationUser>, IDataProtectionKeyContext
{
    private readonly ICurrentUser _currentUser;
    private readonly TimeProvider _clock;

    protected AppDbContext(DbContextOptions options, ICurrentUser currentUser, TimeProvider clock) : base(options)
    {
        _currentUser = currentUser;
        _clock = clock;
    }

    public DbSet<ServiceArea> ServiceAreas => Set<ServiceArea>();
    public DbSet<Domain.HiringOrganisations.HiringOrganisation> HiringOrganisations => Set<Domain.HiringOrganisations.HiringOrganisation>();
    public DbSet<JobRole> JobRoles => Set<JobRole>();
    public DbSet<HiringManager> HiringManagers => Set<HiringManager>();
    public DbSet<SupplyAgency> SupplyAgencies => Set<SupplyAgency>();
    public DbSet<Worker> Workers => Set<Worker>();
    public DbSet<Requisition> Requisitions => Set<Requisition>();
    public DbSet<SupplierRelease> SupplierReleases => Set<SupplierRelease>();
    public DbSet<Submission> Submissions => Set<Submission>();
    public DbSet<CandidateClaim> CandidateClaims => Set<CandidateClaim>();
    public DbSet<Placement> Placements => Set<Placement>();
    public DbSet<PlacementFlag> PlacementFlags => Set<PlacementFlag>();
    public DbSet<ConversionPrompt> ConversionPrompts => Set<ConversionPrompt>();
    public DbSet<Domain.Timesheets.Timesheet> Timesheets => Set<Domain.Timesheets.Timesheet>();
    public DbSet<RuleDecision> RuleDecisions => Set<RuleDecision>();
    public DbSet<JobRun> JobRuns => Set<JobRun>();
    public DbSet<RuleFileVersion> RuleFileVersions => Set<RuleFileVersion>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    /// <summary>Emails written with the change that caused them, sent afterwards by <see cref="Email.OutboxSender"/>.</summary>
    public DbSet<Email.OutboxEmail> OutboxEmails => Set<Email.OutboxEmail>();

    /// <summary>The keys that protect sign-in cookies and forms: kept in the database, so they survive a restart and every node reads the same.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>Bulk seeding turns the audit trail off: it records what people change, not generated data.</summary>
    public bool AuditEnabled { get; set; } = true;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        AggregateVersions.Stamp(ChangeTracker);
        await AccessChanges.EndSessionsAsync(this, cancellationToken);
        await Scheduling.Dues.NightlyChanges.NoteAsync(this, _clock, cancellationToken);
        if (!AuditEnabled) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);

        var pending = AuditTrail.Capture(ChangeTracker);
        if (pending.Count == 0) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);

        // New rows only get their keys on insert, so the audit rows follow in a second write inside one transaction:
        // a change and its audit entry land together or not at all. A save not inside a unit of work's transaction
        // (sign-in's own records, the email outbox) opens its own, through the execution strategy as retries require.
        return await RetriedSaves.RunAsync(this, async ct =>
        {
            var ownTransaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(ct) : null;
            try
            {
                var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, ct);
                var at = _clock.GetUtcNow();
                AuditEntries.AddRange(pending.Select(p => p.ToEntry(_currentUser.Name, at)));
                await base.SaveChangesAsync(acceptAllChangesOnSuccess, ct);
                if (ownTransaction is not null) await ownTransaction.CommitAsync(ct);
                return written;
            }
            finally
            {
                if (ownTransaction is not null) await ownTransaction.DisposeAsync();
            }
        }, cancellationToken);
    }
}
