using System.Globalization;
using System.Runtime.CompilerServices;
using Connect2Luton.Application.Common.Time;
using Connect2Luton.Application.Jobs;
using Connect2Luton.Application.Placements.Flags;
using Connect2Luton.Domain.Decisions;

namespace Connect2Luton.Application.RuleSets.Cases;

/// <summary>The placement-length limits decide each live placement with its AWR clock, as the nightly check does.</summary>
public sealed class PlacementLengthCases(LivePlacementCases live, LiveLengthFacts lengthFacts, TimeProvider clock) : IRuleSetCases
{
    public string RuleSet => RuleSetNames.PlacementLengthLimits;

    public string ScannedWhat => "live placements";

    public RealCaseKind RealCases => RealCaseKind.Placement;

    public async IAsyncEnumerable<WhatIfCase> LiveAsync(DateOnly day, DateOnly? runningOn, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var range in live.RangesAsync(day, cancellationToken))
        {
            foreach (var (row, _, awrWeeks, facts, _) in await lengthFacts.ReadAsync(range, day, cancellationToken))
            {
                if (LivePlacementCases.EndsBefore(runningOn, row.PlannedEndDate)) continue;
                yield return new WhatIfCase(row.Id, row.RequisitionId, row.WorkerId, row.JobRoleId,
                    string.Create(CultureInfo.InvariantCulture, $"Week {facts.WeeksInPost + 1} of {facts.TotalWeeks}, AWR week {awrWeeks}, ends {row.PlannedEndDate:d MMM yyyy}"), facts);
            }
        }
    }

    public async Task<RealCaseFacts> RealCaseAsync(RealCase asked, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(asked);
        var (placement, role, refused) = await live.AskedAsync(asked.PlacementId, cancellationToken);
        if (refused is not null) return refused;
        var today = clock.Today();
        var decided = await lengthFacts.ReadAsync(PlacementRange.Only(placement!.Id), today, cancellationToken);
        return decided.Count == 0
            ? LivePlacementCases.NotLive(placement, today, "the length rules decide live placements")
            : RealCaseFacts.Of(decided[0].Facts, $"placement {placement.Id} ({role!.Title})");
    }
}
