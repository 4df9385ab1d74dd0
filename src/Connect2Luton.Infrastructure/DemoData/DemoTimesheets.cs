using Connect2Luton.Application.Timesheets;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Domain.SupplyAgencies;
using Connect2Luton.Domain.Timesheets;
using Microsoft.EntityFrameworkCore;

namespace Connect2Luton.Infrastructure.DemoData;

/// <summary>
/// The last few weeks of every live placement's timesheets, priced by the rules as any are: weeks before last approved
/// by the service's head, last week mostly sent and waiting, a few queried or saved unsent, some not yet entered (for
/// the reminders). The demo worker's last week is left for them to enter.
/// </summary>
internal sealed class DemoTimesheets(DemoDataSeeder seeder, TimesheetPricer pricer)
{
    public const int WeeksBack = 4;
    private const string Recruiter = "recruiter@connect2luton.local";

    public async Task SeedAsync(IReadOnlyList<SupplyAgency> agencies, CancellationToken cancellationToken)
    {
        var db = seeder.Db;
        var faker = seeder.Faker;
        var today = seeder.Today;
        var lastWeek = TimesheetWeek.MondayOf(today).AddDays(-7);
        var firstWeek = lastWeek.AddDays(-7 * (WeeksBack - 1));
        var placements = await db.Placements.Include(p => p.RateChanges)
            .Where(p => p.Status == PlacementStatus.Active && p.StartDate <= lastWeek.AddDays(6))
            .OrderBy(p => p.Id).ToListAsync(cancellationToken);
        var heads = (await db.HiringManagers.AsNoTracking().Where(m => m.JobTitle.StartsWith("Head of")).OrderBy(m => m.Id).ToListAsync(cancellationToken))
            .GroupBy(m => m.ServiceAreaId).ToDictionary(g => g.Key, g => g.First().Email);
        var demoArea = await db.HiringManagers.AsNoTracking().Where(m => m.Email == DemoDataSeeder.DemoManagerEmail).Select(m => m.ServiceAreaId).SingleAsync(cancellationToken);
        // The placement the demo worker signs in for (IdentitySeeder chooses it the same way): its last week is theirs to enter.
        var demoWorkers = placements.Where(p => p.ServiceAreaId == demoArea).OrderBy(p => p.StartDate).ThenBy(p => p.Id).Take(1).Select(p => p.Id).ToHashSet();
        var kinds = agencies.ToDictionary(a => a.Id, a => a.Kind);
        // An agency's weeks are entered by its timesheets team, named as a person reading the history would know them.
        var teams = agencies.ToDictionary(a => a.Id, a => $"{a.Name} timesheets team");
        var organisations = await db.ServiceAreas.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.HiringOrganisationId, cancellationToken);
        var now = seeder.Clock.GetUtcNow();

        foreach (var placement in placements)
        {
            var manager = heads.GetValueOrDefault(placement.ServiceAreaId, DemoDataSeeder.DemoManagerEmail);
            var enteredAs = kinds.GetValueOrDefault(placement.SupplyAgencyId) == SupplyAgencyKind.InHousePool ? TimesheetEnteredAs.Recruiter : TimesheetEnteredAs.Agency;
            var by = enteredAs == TimesheetEnteredAs.Recruiter ? Recruiter : teams.GetValueOrDefault(placement.SupplyAgencyId, "the agency's timesheets team");
            for (var week = Later(firstWeek, TimesheetWeek.MondayOf(placement.StartDate)); week <= lastWeek; week = week.AddDays(7))
            {
                var isLast = week == lastWeek;
                var roll = faker.Random.Double();
                if (isLast && (demoWorkers.Contains(placement.Id) || roll < 0.25)) continue;
                if (await pricer.ForWeekAsync(placement, week, cancellationToken) is not { } priced) continue;
                var hours = TimesheetWeek.DaysFrom(week).Take(5)
                    .Where(d => d >= placement.StartDate && d <= placement.EndDate && d < today)
                    .Select(d => new TimesheetHours(d, TimesheetLineType.Standard, Math.Round(placement.WeeklyHours / 5m * 4m, MidpointRounding.AwayFromZero) / 4m))
                    .ToList();
                var limits = new TimesheetLimits(placement.StartDate, placement.EndDate, today, true, priced.AllowedTypes);
                var timesheet = Timesheet.Start(placement, week, enteredAs, by, organisations[placement.ServiceAreaId]);
                var sent = Earlier(DemoDataSeeder.At(week.AddDays(7), 9), now);
                timesheet.Record(hours, limits, by, sent.AddMinutes(-20));
                if (isLast && roll < 0.35)
                {
                    db.Add(timesheet);
                    continue;
                }
                // A week whose weekdays the placement did not run on is sent as one with no hours worked.
                timesheet.Submit(priced.Rates.Price(hours), null, by, sent, noHoursWorked: timesheet.Hours == 0);
                if (isLast && roll < 0.45) timesheet.Query(faker.PickRandom(QueryReasons), manager, Earlier(sent.AddHours(3), now));
                else if (!isLast) timesheet.Approve(priced.Rates.Price(hours), null, manager, Earlier(sent.AddDays(1).AddHours(2), now));
                db.Add(timesheet);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private static readonly string[] QueryReasons =
    [
        "Friday was a team training day, not a full shift: please check the hours",
        "The rota shows a half day on Wednesday",
        "Please split out the hours worked at the second site",
    ];

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateTimeOffset Earlier(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
