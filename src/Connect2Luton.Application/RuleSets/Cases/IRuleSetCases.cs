using System.Runtime.CompilerServices;
using Connect2Luton.Application.Common;
using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Application.Jobs;
using Connect2Luton.Application.Placements.Details;
using Connect2Luton.Application.Placements.Flags;
using Connect2Luton.Domain.JobRoles;
using Connect2Luton.Domain.Placements;

namespace Connect2Luton.Application.RuleSets.Cases;

/// <summary>
/// The cases a rule set decides in daily use, registered for each rule set that has them: "What would change?"
/// decides them under the serving rules and a draft, and "try it on a real case" builds one from the database.
/// A rule set with none registered is edited and tried on samples only.
/// </summary>
public interface IRuleSetCases
{
    string RuleSet { get; }

    /// <summary>What the cases are, in words ("live placements").</summary>
    string ScannedWhat { get; }

    /// <summary>What a real case of the rule set is: a placement, a candidate (a requisition and a worker), or a requisition.</summary>
    RealCaseKind RealCases { get; }

    /// <summary>
    /// Every case as it stands on <paramref name="day"/>. With <paramref name="runningOn"/> (a later day), only the
    /// placements planned to be running then.
    /// </summary>
    IAsyncEnumerable<WhatIfCase> LiveAsync(DateOnly day, DateOnly? runningOn, CancellationToken cancellationToken);

    Task<RealCaseFacts> RealCaseAsync(RealCase asked, CancellationToken cancellationToken);
}

/// <summary>What the cases a rule set decides are about, so its pages ask for and link to the right record.</summary>
public enum RealCaseKind
{
    Placement,
    Candidate,
    Requisition,
}

/// <summary>A case a what-if decides: the placement, shortlisted worker or requisition it is about, a line describing it, and its facts.</summary>
public sealed record WhatIfCase(int? PlacementId, int RequisitionId, int WorkerId, int JobRoleId, string Detail, object Facts)
{
    /// <summary>Tells apart cases about one record (a requisition decided for each kind of agency); none where each record is one case.</summary>
    public string? Variant { get; init; }
}

/// <summary>The real case an officer asks to try a draft on: a placement, or a requisition and a worker.</summary>
public sealed record RealCase(int? PlacementId, int? RequisitionId, int? WorkerId);

/// <summary>The facts of a real case, or why there are none; <see cref="Field"/> names the field the problem is about.</summary>
public sealed record RealCaseFacts(object? Facts, string? Field, string? Problem, string? Describes)
{
    public static class Fields
    {
        public const string Placement = "PlacementId";
        public const string Requisition = "RequisitionId";
        public const string Worker = "WorkerId";
    }

    public static RealCaseFacts Of(object facts, string describes) => new(facts, null, null, describes);

    public static RealCaseFacts Refused(string field, string problem) => new(null, field, problem, null);
}

/// <summary>What the placement-deciding case sources share: live placements in batches, and one placement asked for by number.</summary>
public sealed class LivePlacementCases(IReadRepository<Placement> placements, IReadRepository<JobRole> jobRoles)
{
    private const int Batch = 2_000;

    public static bool EndsBefore(DateOnly? runningOn, DateOnly plannedEnd) => runningOn is { } day && plannedEnd < day;

    /// <summary>The live placements in id ranges of a batch each, as the nightly checks read them.</summary>
    public async IAsyncEnumerable<PlacementRange> RangesAsync(DateOnly day, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var afterId = 0;
        while (true)
        {
            var ids = await placements.ListAsync(new LivePlacementIdsAfterSpec(afterId, day, Batch), cancellationToken);
            if (ids.Count == 0) yield break;
            yield return new PlacementRange(afterId, ids[^1]);
            afterId = ids[^1];
        }
    }

    /// <summary>The placement asked for with its role, or the problem to show at the placement field.</summary>
    public async Task<(Placement? Placement, JobRole? Role, RealCaseFacts? Refused)> AskedAsync(int? placementId, CancellationToken cancellationToken)
    {
        if (placementId is not > 0) return (null, null, RealCaseFacts.Refused(RealCaseFacts.Fields.Placement, "Enter the placement number, like 1024"));
        var placement = await placements.FirstOrDefaultAsync(new PlacementWithHistorySpec(placementId.Value, forUpdate: false), cancellationToken);
        if (placement is null) return (null, null, RealCaseFacts.Refused(RealCaseFacts.Fields.Placement, $"There is no placement {placementId}"));
        return (placement, await RoleAsync(placement.JobRoleId, cancellationToken), null);
    }

    /// <summary>Why a placement is not one the live rules decide today, in words ("has not started yet: it starts on …").</summary>
    public static RealCaseFacts NotLive(Placement placement, DateOnly today, string because)
    {
        ArgumentNullException.ThrowIfNull(placement);
        var state = placement.Status switch
        {
            PlacementStatus.Active when placement.StartDate > today => $"has not started yet: it starts on {placement.StartDate:d MMMM yyyy}",
            PlacementStatus.Active => $"ran to its planned end on {placement.PlannedEndDate:d MMMM yyyy}",
            PlacementStatus.Ended => $"ended on {placement.ActualEndDate ?? placement.PlannedEndDate:d MMMM yyyy}",
            PlacementStatus.Converted => "was converted to a permanent job",
            PlacementStatus.AwaitingSignOff => "is waiting for sign-off before it starts",
            _ => "was cancelled before it started",
        };
        return RealCaseFacts.Refused(RealCaseFacts.Fields.Placement, $"Placement {placement.Id} {state}, so it is not live today: {because}");
    }

    public async Task<JobRole> RoleAsync(int id, CancellationToken cancellationToken) =>
        (await jobRoles.ListAsync(new AllJobRolesSpec(), cancellationToken)).SingleOrDefault(r => r.Id == id)
        ?? throw new InvalidOperationException($"Role {id} is not there.");
}
