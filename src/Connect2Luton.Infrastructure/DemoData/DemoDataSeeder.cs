using Bogus;
using Connect2Luton.Application.Common.Time;
using Connect2Luton.Application.Policies;
using Connect2Luton.Application.SupplyChain;
using Connect2Luton.Domain.HiringManagers;
using Connect2Luton.Domain.JobRoles;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Domain.Requisitions;
using Connect2Luton.Domain.ServiceAreas;
using Connect2Luton.Domain.SupplyAgencies;
using Connect2Luton.Domain.Workers;
using Connect2Luton.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Connect2Luton.Infrastructure.DemoData;

/// <summary>
/// Fills an empty database with a believable Connect2Luton: about 300 workers, the in-house pool and local
/// agencies, requisitions in every status (the approved and open ones released to agencies as the rules allow)
/// and about 190 live placements (66 agency social workers in children's social care among them), dated relative
/// to today so the 12-week, 6-month and 12-month marks always have placements past them. Every rate is decided by
/// the pay-rate cap rules as they stand, and the decision kept; rates over a cap carry the sign-offs the rules ask
/// for, given by the demo users holding those posts, and one booking over the DfE cap waits for its sign-off. The
/// same seed gives the same data.
/// </summary>
public sealed partial class DemoDataSeeder(
    AppDbContext db, TimeProvider clock, IPayRatePolicy payRates, ILocalPreferencePolicy preference, IRuleSetCatalogue rules, ScheduledRelease release,
    Application.Timesheets.TimesheetPricer timesheetPricer, ILogger<DemoDataSeeder> logger)
{
    // Connect2Luton launched on 1 September 2020.
    private const int Seed = 20200901;
    private const string SeededBy = "demo-data";
    public const string DemoManagerEmail = "manager@connect2luton.local";

    private Faker _faker = null!;
    private DateOnly _today;

    public async Task<bool> SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.ServiceAreas.AnyAsync(cancellationToken)) return false;
        // Every rate is decided by the rules: with a rule set that will not load, seeding would stop half way and
        // leave a database too full to seed again. It waits, empty, for a start with rules that serve.
        if ((await rules.LoadedAsync(cancellationToken)).Where(s => !s.IsServing).Select(s => s.Name).ToList() is { Count: > 0 } missing)
        {
            LogNotSeeded(logger, string.Join(", ", missing));
            return false;
        }

        var previousAudit = db.AuditEnabled;
        db.AuditEnabled = false;
        try
        {
            _faker = new Faker("en_GB") { Random = new Randomizer(Seed) };
            _today = clock.Today();

            var areas = DemoCatalogue.ServiceAreas
                .Select(a => new ServiceArea(a.Code, a.Name, a.Directorate, a.IsChildrens, a.EstablishmentFte))
                .ToList();
            var roles = DemoCatalogue.Roles.ToDictionary(
                r => r,
                r => new JobRole(r.Title, r.Family, r.Grade, r.SalaryMinimum, r.SalaryMaximum, r.Registration, r.DfeRoleType, r.IsInterim, r.Dbs));
            var agencies = DemoCatalogue.Agencies
                .Select(a =>
                {
                    var agency = new SupplyAgency(a.Name, a.Kind, a.Margin, a.IsLocal, a.Dps);
                    agency.RecordDfeAgencyRules(a.ConfirmsDfe);
                    return agency;
                })
                .ToList();
            db.AddRange(areas);
            db.AddRange(roles.Values);
            db.AddRange(agencies);
            await db.SaveChangesAsync(cancellationToken);
            foreach (var area in areas) area.RecruitFor(DemoCatalogue.RolesRecruitedBy(area.Code).Select(r => roles[r].Id));
            await db.SaveChangesAsync(cancellationToken);

            var managers = HiringManagers(areas);
            db.AddRange(managers);
            var signOffs = new DemoSignOffs(this);
            db.AddRange(signOffs.Posts(managers.First(m => m.Email == DemoManagerEmail).Name, clock.GetUtcNow()));
            await db.SaveChangesAsync(cancellationToken);

            var workers = new DemoWorkerFactory(_faker, _today, clock.GetUtcNow(), agencies);
            var book = new PlacementBook(this, managers, agencies, signOffs);

            foreach (var (demoRole, role) in roles)
            {
                var area = areas.Single(a => a.Code == demoRole.ServiceCode);
                for (var i = 0; i < demoRole.LivePlacements; i++)
                    book.Plan(demoRole, role, area, workers.Create(demoRole.Family, demoRole), PlacementPlan.Live);
                for (var i = 0; i < Math.Max(1, demoRole.LivePlacements / 3); i++)
                    book.Plan(demoRole, role, area, workers.Create(demoRole.Family, demoRole), PlacementPlan.Ended);
            }
            foreach (var title in new[] { "Social Worker (Children and Families)", "Social Worker (Children and Families)", "Social Worker (Children and Families)", "Care Worker (Reablement)", "Housing Officer", "Business Support Officer" })
            {
                var (demoRole, role) = roles.Single(r => r.Key.Title == title);
                book.Plan(demoRole, role, areas.Single(a => a.Code == demoRole.ServiceCode), workers.Create(demoRole.Family, demoRole), PlacementPlan.Converted);
            }

            // Workers in the pool with nothing booked: who the open requisitions shortlist from.
            var available = roles.Keys
                .SelectMany(r => Enumerable.Range(0, Math.Max(2, r.LivePlacements / 4)).Select(_ => (Role: r, Worker: workers.Create(r.Family, r))))
                .ToList();

            db.AddRange(book.Workers);
            db.AddRange(available.Select(a => a.Worker));
            db.AddRange(book.Requisitions);
            await db.SaveChangesAsync(cancellationToken);

            await book.BookAllAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);

            var pipeline = new RequisitionPipeline(this, areas, managers, roles, agencies, available);
            var pipelineRequisitions = pipeline.Build().ToList();
            db.AddRange(pipelineRequisitions);
            await db.SaveChangesAsync(cancellationToken);
            await pipeline.ShortlistAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);

            if (await signOffs.BookAwaitingAsync(pipelineRequisitions, roles.Values.ToDictionary(r => r.Id), areas, agencies,
                    available.ToDictionary(a => a.Worker.Id, a => a.Worker), cancellationToken) is { } waiting)
            {
                db.Add(waiting);
                await db.SaveChangesAsync(cancellationToken);
            }

            await new DemoOrganisations(this).SeedAsync(roles, agencies, signOffs, cancellationToken);
            await new DemoTimesheets(this, timesheetPricer).SeedAsync(agencies, cancellationToken);

            LogSeeded(logger, book.Workers.Count + available.Count, book.Count, book.Requisitions.Count + pipeline.Count);
            // The approved and open requisitions reach the agencies the release rules allow by now, as the job would
            // have released them had it been running.
            await release.RunAsync(SeededBy, cancellationToken);
            return true;
        }
        finally
        {
            db.AuditEnabled = previousAudit;
        }
    }

    private List<HiringManager> HiringManagers(List<ServiceArea> areas)
    {
        var managers = new List<HiringManager>();
        var emails = new HashSet<string>(StringComparer.Ordinal);
        foreach (var area in areas)
        {
            var count = area.IsChildrensServices ? 3 : 2;
            for (var i = 0; i < count; i++)
            {
                string first, last, email;
                do
                {
                    first = _faker.PickRandom(DemoCatalogue.FirstNames);
                    last = _faker.PickRandom(DemoCatalogue.LastNames);
                    // The first children's social care manager is the demo hiring manager who signs in.
                    email = area.IsChildrensServices && i == 0
                        ? DemoManagerEmail
                        : $"{first}.{last}@luton.example".ToLowerInvariant().Replace("'", string.Empty, StringComparison.Ordinal);
                }
                while (!emails.Add(email));
                var title = i == 0 ? $"Head of {area.Name}" : $"Service Manager, {area.Name}";
                managers.Add(new HiringManager($"{first} {last}", email, title, area.Id, $"01582 {_faker.Random.Int(400000, 599999)}"));
            }
        }
        return managers;
    }

    internal AppDbContext Db => db;
    internal IPayRatePolicy PayRates => payRates;
    internal ILocalPreferencePolicy Preference => preference;
    internal Faker Faker => _faker;
    internal DateOnly Today => _today;
    internal TimeProvider Clock => clock;

    /// <summary>A UK working-day moment on a date, as the instant it was.</summary>
    internal static DateTimeOffset At(DateOnly date, int hour)
    {
        var local = date.ToDateTime(new TimeOnly(hour, 0));
        return new DateTimeOffset(local, UkClock.Zone.GetUtcOffset(local));
    }

    internal static string By => SeededBy;

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded demo data: {Workers} workers, {Placements} placements, {Requisitions} requisitions")]
    private static partial void LogSeeded(ILogger logger, int workers, int placements, int requisitions);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo data not seeded: the rule sets {RuleSets} are not serving; it will be seeded at a start where they are")]
    private static partial void LogNotSeeded(ILogger logger, string ruleSets);
}

internal enum PlacementPlan
{
    Live,
    Ended,
    Converted,
}
