using Connect2Luton.Application.Policies;
using System.Diagnostics;
using Bogus;
using Connect2Luton.Application.Common.Time;
using Connect2Luton.Domain.HiringManagers;
using Connect2Luton.Domain.JobRoles;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Domain.Requisitions;
using Connect2Luton.Domain.SupplyAgencies;
using Connect2Luton.Domain.Workers;
using Connect2Luton.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Connect2Luton.Infrastructure.DemoData;

public sealed record VolumeSeedResult(int Workers, int Requisitions, int Placements, int LivePlacements, TimeSpan Elapsed)
{
    /// <summary>Conversion prompts raised over the placements' history, with what people did about them.</summary>
    public int Prompts { get; init; }
}

/// <summary>
/// Adds benchmark volumes on top of the demo data (100,000 or 1,000,000 placements): workers in batches, each
/// with a history of consecutive placements against requisitions for several workers, and (unless every newest
/// placement is live, as the nightly jobs' benchmark wants them unprompted) the conversion prompts the nightly job
/// would have raised over that history, about 35 for every 100 placements, each with its decision and what people
/// did about it. Memory stays bounded: every batch is written and forgotten before the next is made.
/// </summary>
public sealed partial class VolumeSeeder(AppDbContext db, DemoDataSeeder demo, TimeProvider clock, ILogger<VolumeSeeder> logger)
{
    private const int WorkersPerBatch = 5_000;
    private const int PlacementsPerRequisition = 10;
    private const string By = "volume-seed";

    public Task<VolumeSeedResult> SeedAsync(int placements, int workers, CancellationToken cancellationToken) =>
        SeedAsync(placements, workers, allLive: false, cancellationToken);

    /// <param name="allLive">Every worker's newest placement is live (the nightly jobs' benchmark), rather than most.</param>
    public async Task<VolumeSeedResult> SeedAsync(int placements, int workers, bool allLive, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(placements);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(workers);
        var stopwatch = Stopwatch.StartNew();
        await demo.SeedAsync(cancellationToken);

        var today = clock.Today();
        var faker = new Faker("en_GB") { Random = new Randomizer(placements ^ workers) };
        var roles = await db.JobRoles.AsNoTracking().ToListAsync(cancellationToken);
        var agencies = await db.SupplyAgencies.AsNoTracking().ToListAsync(cancellationToken);
        var managers = await db.HiringManagers.AsNoTracking().ToListAsync(cancellationToken);
        var areaIds = await db.ServiceAreas.AsNoTracking().ToDictionaryAsync(a => a.Code, a => a.Id, cancellationToken);
        int? AreaFor(JobRole role) =>
            DemoCatalogue.Roles.FirstOrDefault(r => r.Title == role.Title) is { } known && areaIds.TryGetValue(known.ServiceCode, out var id) ? id : null;
        var workerFactory = new DemoWorkerFactory(faker, today, clock.GetUtcNow(), agencies);

        db.AuditEnabled = false;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var totals = (Workers: 0, Requisitions: 0, Placements: 0, Live: 0, Prompts: 0);
        try
        {
            while (totals.Workers < workers)
            {
                var batchWorkers = Math.Min(WorkersPerBatch, workers - totals.Workers);
                // Spread the placements evenly over the workers, the remainder going to the last batch.
                var batchPlacements = totals.Workers + batchWorkers >= workers
                    ? placements - totals.Placements
                    : (int)((long)placements * (totals.Workers + batchWorkers) / workers) - totals.Placements;

                var batch = Enumerable.Range(0, batchWorkers).Select(_ =>
                {
                    var role = faker.PickRandom(roles);
                    return (Role: role, Worker: workerFactory.Create(role.JobFamily, DemoCatalogue.Roles.FirstOrDefault(r => r.Title == role.Title)));
                }).ToList();
                db.AddRange(batch.Select(b => b.Worker));
                await SaveAsync(cancellationToken);

                var result = await BookBatchAsync(batch, batchPlacements, managers, agencies, AreaFor, faker, today, allLive, cancellationToken);
                totals = (totals.Workers + batchWorkers, totals.Requisitions + result.Requisitions, totals.Placements + result.Placements, totals.Live + result.Live,
                    totals.Prompts + result.Prompts);
                LogProgress(logger, totals.Workers, totals.Placements);
            }
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = true;
            db.AuditEnabled = true;
        }
        // Fresh statistics for the planner, now the tables are a different size.
        if (db.Database.IsSqlite()) await db.Database.ExecuteSqlRawAsync("ANALYZE;", cancellationToken);
        return new VolumeSeedResult(totals.Workers, totals.Requisitions, totals.Placements, totals.Live, stopwatch.Elapsed) { Prompts = totals.Prompts };
    }

    private async Task<(int Requisitions, int Placements, int Live, int Prompts)> BookBatchAsync(
        List<(JobRole Role, Worker Worker)> batch, int placements, List<HiringManager> managers, List<SupplyAgency> agencies,
        Func<JobRole, int?> areaFor, Faker faker, DateOnly today, bool allLive, CancellationToken cancellationToken)
    {
        var onCosts = await demo.PayRates.OnCostsAsync(today, cancellationToken);
        // Each worker gets consecutive placements, oldest first; the newest is live for most.
        var slots = new List<(JobRole Role, Worker Worker, DateOnly Start, DateOnly End, bool Live)>(placements);
        for (var i = 0; i < batch.Count && slots.Count < placements; i++)
        {
            var count = placements / batch.Count + (i < placements % batch.Count ? 1 : 0);
            var start = today.AddDays(-faker.Random.Int(0, 500));
            var newestIsLive = allLive || faker.Random.Bool(0.6f);
            for (var n = 0; n < count; n++)
            {
                var length = faker.Random.Int(8, 52) * 7;
                var isLive = n == 0 && newestIsLive;
                var end = isLive ? start.AddDays(length - 1) : start.AddDays(Math.Min(length, Math.Max(1, today.DayNumber - start.DayNumber)) - 1);
                slots.Add((batch[i].Role, batch[i].Worker, start, end, isLive));
                start = start.AddDays(-(length + faker.Random.Int(7, 60)));
            }
        }

        var requisitions = new List<(Requisition Requisition, List<(JobRole Role, Worker Worker, DateOnly Start, DateOnly End, bool Live)> Slots)>();
        foreach (var group in slots.GroupBy(s => s.Role).SelectMany(g => g.Chunk(PlacementsPerRequisition)))
        {
            var first = group[0];
            var manager = managers.FirstOrDefault(m => m.ServiceAreaId == areaFor(first.Role)) ?? managers[0];
            var startDate = group.Min(s => s.Start);
            var endDate = group.Max(s => s.End);
            var requisition = Requisition.Raise(
                new RequisitionDetails(manager.ServiceAreaId, first.Role.Id, first.Role.Title, RequisitionReason.VacancyCover, null,
                    37m, startDate, endDate, 200m, group.Length, IsProjectTeam: false),
                manager.Id, manager.Email, DemoDataSeeder.At(startDate.AddDays(-21), 9));
            requisition.Submit(manager.Email, DemoDataSeeder.At(startDate.AddDays(-20), 9));
            requisition.Approve(manager.Email, DemoDataSeeder.At(startDate.AddDays(-19), 9));
            requisition.Open(By, DemoDataSeeder.At(startDate.AddDays(-18), 9));
            requisitions.Add((requisition, group.ToList()));
        }
        db.AddRange(requisitions.Select(r => r.Requisition));
        // Kept tracked: booking fills the requisitions, and that is saved with the placements.
        await SaveAsync(cancellationToken, forget: false);

        var live = 0;
        var booked = new List<Placement>(slots.Count);
        foreach (var (requisition, group) in requisitions)
        {
            foreach (var slot in group)
            {
                var agency = agencies.Single(a => a.Id == slot.Worker.SupplyAgencyId);
                var band = DemoCatalogue.Roles.FirstOrDefault(r => r.Title == slot.Role.Title);
                var rates = ChargeRates.Price(Math.Round(faker.Random.Decimal(band?.PayLow ?? 13.45m, band?.PayHigh ?? 30m), 2), agency.Kind, agency.MarginRate, onCosts);
                var placement = Placement.Book(requisition, slot.Worker, new PlacementBooking(rates, 37m, slot.Start, slot.End), null, [], By,
                    DemoDataSeeder.At(slot.Start.AddDays(-7), 11));
                if (slot.Live) live++;
                else if (slot.Start <= today) placement.End(slot.End, "Assignment completed", By, DemoDataSeeder.At(slot.End, 16));
                db.Add(placement);
                booked.Add(placement);
            }
        }
        await SaveAsync(cancellationToken);
        var prompts = allLive ? 0 : await RaisePromptsAsync(booked, faker, today, cancellationToken);
        return (requisitions.Count, slots.Count, live, prompts);
    }

    /// <summary>
    /// The prompts the nightly job raised for these placements: for most that reached 26 weeks, raised that day;
    /// ended placements' prompts closed (converted, declined, not suitable, or lapsed when it ended), live ones
    /// open, offered, snoozed or declined.
    /// </summary>
    private async Task<int> RaisePromptsAsync(List<Placement> placements, Faker faker, DateOnly today, CancellationToken cancellationToken)
    {
        var raised = 0;
        foreach (var placement in placements)
        {
            var raisedOn = placement.StartDate.AddDays(26 * 7);
            var lastDay = placement.ActualEndDate ?? placement.PlannedEndDate;
            if (raisedOn > today || raisedOn > lastDay || !faker.Random.Bool(0.7f)) continue;
            var at = DemoDataSeeder.At(raisedOn, 2);
            var yearly = decimal.Round(placement.CommittedWeek.Charge * 52, 2);
            var decision = new Domain.Decisions.RuleDecision(Domain.Decisions.RuleSetNames.PermanentConversionEligibility, "volume-seed", "Eligible", "{}", [], By, at)
                .About(placementId: placement.Id);
            var prompt = new Domain.Conversions.ConversionPrompt(placement.Id, placement.WorkerId, placement.ServiceAreaId,
                new Domain.Conversions.ConversionCosts(decimal.Round(placement.CommittedWeek.Charge * 26, 2), yearly, decimal.Round(yearly * 0.78m, 2), false), decision, raisedOn, at);
            var acted = DemoDataSeeder.At(Min(raisedOn.AddDays(faker.Random.Int(1, 20)), today), 10);
            var roll = faker.Random.Int(0, 99);
            if (placement.Status == PlacementStatus.Active)
            {
                if (roll < 20) prompt.RecordOfferMade(null, By, acted);
                else if (roll < 30 && raisedOn.AddDays(30) > today) prompt.Snooze(raisedOn.AddDays(30), raisedOn, "Asked again next month", By, acted);
                else if (roll < 40) prompt.RecordDeclined("Prefers agency work", By, acted);
            }
            else if (roll < 10) prompt.RecordConverted(lastDay.AddDays(1), By, acted);
            else if (roll < 20) prompt.RecordDeclined("Prefers agency work", By, acted);
            else if (roll < 25) prompt.RecordNotSuitable("Not the permanent grade", By, acted);
            else prompt.Lapse("The placement ended", By, DemoDataSeeder.At(lastDay, 23));
            db.Add(prompt);
            raised++;
        }
        await SaveAsync(cancellationToken);
        return raised;
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private async Task SaveAsync(CancellationToken cancellationToken, bool forget = true)
    {
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(cancellationToken);
        if (forget) db.ChangeTracker.Clear();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Volume seed: {Workers} workers, {Placements} placements written")]
    private static partial void LogProgress(ILogger logger, int workers, int placements);
}
