using Connect2Luton.Application.Common;
using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Application.Common.Specifications;
using Connect2Luton.Application.Common.Time;
using Connect2Luton.Application.Placements.Flags;
using Connect2Luton.Application.Policies;
using Connect2Luton.Application.Workers;
using Connect2Luton.Domain.Decisions;
using Connect2Luton.Domain.JobRoles;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Domain.Workers;

namespace Connect2Luton.Application.RuleSets;

/// <summary>A live placement whose decision the draft would change.</summary>
public sealed record WhatIfChange(int PlacementId, string Worker, string Role, string ServiceArea, decimal PayRate, string Now, string Draft, IReadOnlyList<string> DraftReasons);

/// <summary>What a draft would change: how many were decided, how many come out differently, and (up to a limit) which.</summary>
public sealed record WhatIfResult(string ScannedWhat, int Scanned, int Changed, IReadOnlyList<WhatIfChange> Listed);

/// <summary>
/// Decides every live placement under the serving rules and under a draft, and lists those that would come out
/// differently, so an officer sees a change's effect before it goes live: "14 live placements would be over the
/// new cap". Only the rule sets whose facts a live placement gives on its own are tried this way.
/// </summary>
public sealed class RuleSetWhatIf(
    IReadRepository<Placement> placements,
    IReadRepository<JobRole> jobRoles,
    IReadRepository<Worker> workers,
    ReferenceNames names,
    TimeProvider clock)
{
    /// <summary>The most changed placements listed; the count says how many there are in all.</summary>
    public const int MostShown = 500;

    public static bool Supports(string ruleSet) => ruleSet == RuleSetNames.PayRateCaps;

    public async Task<WhatIfResult?> RunAsync(string ruleSet, IRuleSetTrial serving, IRuleSetTrial draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(serving);
        ArgumentNullException.ThrowIfNull(draft);
        if (!Supports(ruleSet)) return null;
        var today = clock.Today();
        var live = await placements.ListAsync(new LivePlacementPayRowsSpec(today), cancellationToken);
        var roles = (await jobRoles.ListAsync(new AllJobRolesSpec(), cancellationToken)).ToDictionary(r => r.Id);
        var areas = (await names.ServiceAreasAsync(cancellationToken)).ToDictionary(a => a.Id);
        var agencies = (await names.SupplyAgenciesAsync(cancellationToken)).ToDictionary(a => a.Id);

        var changed = new List<(LivePlacementPayRow Row, PolicyDecision Now, PolicyDecision Draft)>();
        foreach (var row in live)
        {
            var facts = PolicyFacts.PayRate(roles[row.JobRoleId], areas[row.ServiceAreaId].IsChildrensServices, agencies[row.SupplyAgencyId].Kind,
                new PlacementRates(row.PayRate, row.HolidayPay, row.EmployerNationalInsurance, row.EmployerPension, row.Margin), row.WeeklyHours, today);
            var now = serving.Decide(facts);
            var next = draft.Decide(facts);
            if (now.Outcome != next.Outcome) changed.Add((row, now, next));
        }

        var shown = changed.Take(MostShown).ToList();
        var people = (await workers.ListAsync(new WorkerNamesSpec(shown.Select(c => c.Row.WorkerId).Distinct().ToList()), cancellationToken)).ToDictionary(w => w.Id, w => w.Name);
        var changes = shown.Select(c => new WhatIfChange(c.Row.Id, people.GetValueOrDefault(c.Row.WorkerId, "?"), roles[c.Row.JobRoleId].Title,
            areas[c.Row.ServiceAreaId].Name, c.Row.PayRate, c.Now.Outcome, c.Draft.Outcome, c.Draft.Failed.Select(r => r.Message).ToList())).ToList();
        return new WhatIfResult("live placements", live.Count, changed.Count, changes);
    }
}

/// <summary>Every live placement with what its pay-rate decision needs.</summary>
public sealed class LivePlacementPayRowsSpec : Specification<Placement, LivePlacementPayRow>
{
    public LivePlacementPayRowsSpec(DateOnly today)
    {
        Query.Where(p => p.Status == PlacementStatus.Active && p.StartDate <= today).OrderBy(p => p.Id);
        Query.Select(p => new LivePlacementPayRow(p.Id, p.WorkerId, p.JobRoleId, p.ServiceAreaId, p.SupplyAgencyId,
            p.Rates.PayRate, p.Rates.HolidayPay, p.Rates.EmployerNationalInsurance, p.Rates.EmployerPension, p.Rates.Margin, p.WeeklyHours));
    }
}

public sealed record LivePlacementPayRow(
    int Id, int WorkerId, int JobRoleId, int ServiceAreaId, int SupplyAgencyId,
    decimal PayRate, decimal HolidayPay, decimal EmployerNationalInsurance, decimal EmployerPension, decimal Margin, decimal WeeklyHours);
