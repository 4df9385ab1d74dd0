using System.Globalization;
using System.Runtime.CompilerServices;
using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Application.Common.Time;
using Connect2Luton.Application.Conversions;
using Connect2Luton.Application.Jobs;
using Connect2Luton.Application.Workers;
using Connect2Luton.Domain.Decisions;
using Connect2Luton.Domain.Workers;

namespace Connect2Luton.Application.RuleSets.Cases;

/// <summary>The conversion rules decide each live placement with its worker's unbroken run, as the nightly check does.</summary>
public sealed class ConversionCases(LivePlacementCases live, LiveConversionFacts conversionFacts, IReadRepository<Worker> workers, TimeProvider clock) : IRuleSetCases
{
    public string RuleSet => RuleSetNames.PermanentConversionEligibility;

    public string ScannedWhat => "live placements";

    public RealCaseKind RealCases => RealCaseKind.Placement;

    public async IAsyncEnumerable<WhatIfCase> LiveAsync(DateOnly day, DateOnly? runningOn, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var range in live.RangesAsync(day, cancellationToken))
        {
            var running = await conversionFacts.LiveAsync(range, day, cancellationToken);
            foreach (var (row, _, facts, _) in await conversionFacts.ReadAsync(range, running, running, day, cancellationToken))
            {
                if (LivePlacementCases.EndsBefore(runningOn, row.EndDate)) continue;
                yield return new WhatIfCase(row.Id, row.RequisitionId, row.WorkerId, row.JobRoleId,
                    string.Create(CultureInfo.InvariantCulture, $"{facts.ContinuousWeeks} continuous weeks, {facts.RequisitionReason}"), facts);
            }
        }
    }

    public async Task<RealCaseFacts> RealCaseAsync(RealCase asked, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(asked);
        var (placement, role, refused) = await live.AskedAsync(asked.PlacementId, cancellationToken);
        if (refused is not null) return refused;
        var today = clock.Today();
        var range = PlacementRange.Only(placement!.Id);
        var running = await conversionFacts.LiveAsync(range, today, cancellationToken);
        if (running.Count == 0)
            return LivePlacementCases.NotLive(placement, today, "only live placements are checked for conversion");
        var decided = await conversionFacts.ReadAsync(range, running, running, today, cancellationToken);
        var worker = await workers.FirstOrDefaultAsync(new WorkerByIdSpec(placement.WorkerId), cancellationToken);
        return RealCaseFacts.Of(decided[0].Facts, $"placement {placement.Id} ({worker?.FullName}, {role!.Title})");
    }
}
