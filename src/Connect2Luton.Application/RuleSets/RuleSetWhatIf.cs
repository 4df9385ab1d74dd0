using System.Globalization;
using System.Runtime.CompilerServices;
using Connect2Luton.Application.Common;
using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Application.Common.Specifications;
using Connect2Luton.Application.Common.Time;
using Connect2Luton.Application.Conversions;
using Connect2Luton.Application.Jobs;
using Connect2Luton.Application.Placements.Flags;
using Connect2Luton.Application.Policies;
using Connect2Luton.Application.Workers;
using Connect2Luton.Domain.Decisions;
using Connect2Luton.Domain.JobRoles;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Domain.Requisitions;
using Connect2Luton.Domain.Workers;

using Connect2Luton.Application.RuleSets.Cases;

namespace Connect2Luton.Application.RuleSets;

/// <summary>
/// A case the draft would decide differently: a live placement (<see cref="PlacementId"/>), a shortlisted worker
/// for an open requisition, or a requisition for one kind of agency (<see cref="Variant"/>); what it is now, what the
/// draft makes it, and why (the rules that fail under each).
/// </summary>
public sealed record WhatIfChange(
    int? PlacementId, int RequisitionId, int WorkerId, string Worker, string Role, string Detail,
    string Now, IReadOnlyList<string> NowReasons, string Draft, IReadOnlyList<string> DraftReasons, string? Variant = null)
{
    /// <summary>A key for the case, unique within a what-if.</summary>
    public string Key => PlacementId is { } id ? id.ToString(CultureInfo.InvariantCulture)
        : Variant is { } variant ? $"r{RequisitionId}-{variant}" : $"r{RequisitionId}-w{WorkerId}";
}

/// <summary>What a draft would change: how many were decided, how many come out differently, and (up to a limit) which.</summary>
/// <param name="On">The day the cases were decided as on: today, or a day a dated change takes effect.</param>
public sealed record WhatIfResult(string ScannedWhat, int Scanned, int Changed, IReadOnlyList<WhatIfChange> Listed, DateOnly On)
{
    /// <summary>What the cases are about: placements, shortlisted workers or requisitions.</summary>
    public RealCaseKind Kind { get; init; }
}

/// <summary>
/// Decides every case a rule set decides in daily use, under the serving rules and under a draft, and lists those
/// that would come out differently, so an officer sees a change's effect before it goes live: "14 live placements
/// would be over the new cap". The cases come from the rule set's registered <see cref="IRuleSetCases"/>. A case
/// comes out differently when its outcome, or the rules it fails (the flags a length check raises), change.
/// </summary>
public sealed class RuleSetWhatIf(IEnumerable<IRuleSetCases> sources, IReadRepository<JobRole> jobRoles, IReadRepository<Worker> workers, TimeProvider clock)
{
    /// <summary>The most changed cases listed; the count says how many there are in all.</summary>
    public const int MostShown = 500;

    /// <summary>How far from today a what-if may be decided as on, either way.</summary>
    public const int MostYearsAway = 2;

    public static bool IsWithinReach(DateOnly day, DateOnly today) => day >= today.AddYears(-MostYearsAway) && day <= today.AddYears(MostYearsAway);

    /// <summary>The most reasons shown for each side of a change, and the most characters of each: a listed case stays a few lines long.</summary>
    public const int MostReasons = 5;

    public const int MostReasonLength = 400;

    private readonly Dictionary<string, IRuleSetCases> _sources = sources.ToDictionary(s => s.RuleSet, StringComparer.Ordinal);

    public bool Supports(string ruleSet) => _sources.ContainsKey(ruleSet);

    /// <param name="on">
    /// The day to decide as on (null: today): the placements live that day, as they will stand then, under the values
    /// in force then, so a cap scheduled from 1 April shows its effect on that day's cases.
    /// </param>
    public async Task<WhatIfResult?> RunAsync(string ruleSet, IRuleSetTrial serving, IRuleSetTrial draft, DateOnly? on, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(serving);
        ArgumentNullException.ThrowIfNull(draft);
        if (!_sources.TryGetValue(ruleSet, out var source)) return null;
        var today = on ?? clock.Today();
        if (!IsWithinReach(today, clock.Today()))
            throw new ArgumentOutOfRangeException(nameof(on), on, $"A what-if is decided within {MostYearsAway} years of today.");
        // On a later day, only the placements planned to be running then count: those ending before it are left out.
        var runningOn = today > clock.Today() ? today : (DateOnly?)null;

        var scanned = 0;
        var changed = new List<(WhatIfCase Case, PolicyDecision Now, PolicyDecision Draft)>();
        await foreach (var found in source.LiveAsync(today, runningOn, cancellationToken))
        {
            scanned++;
            var now = serving.Decide(found.Facts);
            var next = draft.Decide(found.Facts);
            if (now.Outcome != next.Outcome || !FailedRules(now).SetEquals(FailedRules(next))) changed.Add((found, now, next));
        }

        var shown = changed.Take(MostShown).ToList();
        var people = (await workers.ListAsync(new WorkerNamesSpec(shown.Select(c => c.Case.WorkerId).Distinct().ToList()), cancellationToken)).ToDictionary(w => w.Id, w => w.Name);
        var roles = (await jobRoles.ListAsync(new AllJobRolesSpec(), cancellationToken)).ToDictionary(r => r.Id, r => r.Title);
        var changes = shown.Select(c => new WhatIfChange(c.Case.PlacementId, c.Case.RequisitionId, c.Case.WorkerId, people.GetValueOrDefault(c.Case.WorkerId, "?"),
            roles.GetValueOrDefault(c.Case.JobRoleId, "?"), c.Case.Detail, c.Now.Outcome, Messages(c.Now), c.Draft.Outcome, Messages(c.Draft), c.Case.Variant)).ToList();
        return new WhatIfResult(source.ScannedWhat, scanned, changed.Count, changes, today) { Kind = source.RealCases };
    }

    private static HashSet<string> FailedRules(PolicyDecision decision) => decision.Failed.Select(r => r.Rule).ToHashSet(StringComparer.Ordinal);

    // A draft may fail a hundred rules with long messages for every case; the page lists up to 500 cases, so what
    // each shows is bounded (the full decision is on the placement's page once the rules serve).
    private static List<string> Messages(PolicyDecision decision)
    {
        var failed = decision.Failed.ToList();
        var shown = failed.Take(MostReasons).Select(r => r.Message.Length <= MostReasonLength ? r.Message : $"{r.Message[..(MostReasonLength - 1)]}…").ToList();
        if (failed.Count > MostReasons) shown.Add($"and {failed.Count - MostReasons} more {(failed.Count - MostReasons == 1 ? "rule" : "rules")} failed.");
        return shown;
    }
}

/// <summary>Every live placement of a range with what its pay-rate decision needs.</summary>
public sealed class LivePlacementPayRowsSpec : Specification<Placement, LivePlacementPayRow>
{
    public LivePlacementPayRowsSpec(PlacementRange range, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(range);
        Query.Where(p => p.Id > range.AfterId && p.Id <= range.LastId && p.Status == PlacementStatus.Active && p.StartDate <= today).OrderBy(p => p.Id);
        Query.Select(p => new LivePlacementPayRow(p.Id, p.WorkerId, p.RequisitionId, p.JobRoleId, p.ServiceAreaId, p.SupplyAgencyId,
            p.Rates.PayRate, p.Rates.HolidayPay, p.Rates.EmployerNationalInsurance, p.Rates.EmployerPension, p.Rates.Margin, p.WeeklyHours, p.PlannedEndDate));
    }
}

public sealed record LivePlacementPayRow(
    int Id, int WorkerId, int RequisitionId, int JobRoleId, int ServiceAreaId, int SupplyAgencyId,
    decimal PayRate, decimal HolidayPay, decimal EmployerNationalInsurance, decimal EmployerPension, decimal Margin, decimal WeeklyHours, DateOnly PlannedEndDate);

/// <summary>Open requisitions with their shortlists: the rankings a preference draft would change.</summary>
public sealed class OpenRequisitionShortlistsSpec : Specification<Requisition>
{
    public OpenRequisitionShortlistsSpec() =>
        Query.Where(r => r.Status == RequisitionStatus.Open).Include(r => r.Shortlist).OrderBy(r => r.Id).AsNoTracking();
}

/// <summary>The given workers, to rank as the shortlist ranks them.</summary>
public sealed class ShortlistedWorkersSpec : Specification<Worker>
{
    public ShortlistedWorkersSpec(IReadOnlyCollection<int> ids) => Query.Where(w => ids.Contains(w.Id)).AsNoTracking();
}
