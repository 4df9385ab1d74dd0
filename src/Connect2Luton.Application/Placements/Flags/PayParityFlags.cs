using System.Globalization;
using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Application.Jobs;
using Connect2Luton.Application.Policies;
using Connect2Luton.Application.Timesheets;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Domain.SupplyAgencies;

namespace Connect2Luton.Application.Placements.Flags;

/// <summary>A "pay parity due" flag to raise: its message with the figures, the rule that refused the pay, and the rules' version.</summary>
public sealed record ParityFlagRaise(string Message, string Rule, string RuleSetVersion);

/// <summary>
/// What the nightly check found of a placement's AWR pay parity: the flag it stands at (null: none), and the day the
/// finding may next change if nothing is saved (the day the notice opens; null: not before it is next looked at).
/// </summary>
public sealed record ParityFinding(ParityFlagRaise? Raise, DateOnly? NextDue);

/// <summary>
/// The nightly "pay parity due" check, run with the length check over the same live placements and AWR clocks: a
/// placement whose worker is within <see cref="NoticeDays"/> of the AWR qualifying point, or past it, and who is paid
/// less from that day than the pay-rate rules allow a worker past it, is flagged with the rate needed, so a recruiter
/// applies it before a timesheet is refused for it. The rules decide (<see cref="AwrParity"/>); this only asks them
/// where it matters: the clock first, then the least pay allowed (many decisions), once a run for each role, service
/// kind, supplier, margin, hours and set of the rules' figures in force, and one decision on the pay as it is only
/// where it falls short (for the rule that refuses it).
/// </summary>
public sealed class PayParityFlags(
    IReadRepository<Placement> placements,
    AwrParity parity,
    PayRateThroughChanges payThrough,
    IPayRatePolicy payRates,
    IPlacementLengthPolicy lengths,
    IRuleSetCatalogue catalogue)
{
    /// <summary>How long before the qualifying point the flag is raised.</summary>
    public const int NoticeDays = 14;

    /// <returns>
    /// A finding for each placement of the batch that has one (none: no parity due before it is next looked at); null
    /// where the pay-rate rules are not serving, so nothing can be said and flags already open stand.
    /// </returns>
    public async Task<Dictionary<int, ParityFinding>?> FindAsync(IReadOnlyList<LiveLengthCase> batch, NightlyRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(run);
        var version = catalogue.Current.FirstOrDefault(r => r.Name == Domain.Decisions.RuleSetNames.PayRateCaps)?.ServingVersion;
        if (version is null) return null;
        var today = run.Today;
        var weeks = (await lengths.LengthBandsAsync(cancellationToken)).AwrWeeks;

        var found = new Dictionary<int, ParityFinding>();
        var near = new Dictionary<int, DateOnly>();
        foreach (var (placement, _, _, _, factsOn) in batch)
        {
            int WeeksOn(DateOnly day) => factsOn(day).AwrWeeks;
            // Past the point only after the next look (at most a fortnight on) and its notice: nothing to find yet.
            var reach = Earliest(placement.PlannedEndDate, NightlyLookahead.LastDay(placement.Id, today).AddDays(NoticeDays));
            if (WeeksOn(reach) < weeks) continue;
            if (AwrParity.DueFrom(placement.StartDate, placement.PlannedEndDate, WeeksOn, weeks) is not { } from) continue;
            var noticeOpens = from.AddDays(-NoticeDays);
            if (noticeOpens > today) found[placement.Id] = new ParityFinding(null, noticeOpens);
            else near[placement.Id] = from;
        }
        if (near.Count == 0) return found;

        // The rules decide a pay the same way on every day from one change of their figures to the next (a new living
        // wage, a cap from 1 April), as a rate booked across them is decided again on each: the least allowed pay is
        // asked once for each set of terms and the figures in force, not once for each placement's qualifying day.
        var (earliest, latest) = (near.Values.Min(), near.Values.Max());
        var changes = (await payRates.ChangeDaysAsync(earliest, latest, cancellationToken)).Order().ToList();
        DateOnly FiguresFrom(DateOnly day) => changes.LastOrDefault(c => c <= day) is var changed && changed != default ? changed : earliest;

        // Read as rows: only the few placements whose rates have changed are read whole, for the pay in force on the day.
        var rows = await placements.ListAsync(new ParityRowsSpec(near.Keys), cancellationToken);
        var rerated = rows.Where(r => r.Rerated).Select(r => r.Id).ToList();
        var payOnDay = rerated.Count == 0
            ? []
            : (await placements.ListAsync(new PlacementsWithRatesSpec(rerated), cancellationToken)).ToDictionary(p => p.Id, p => p.PayRateOn(near[p.Id]));
        foreach (var row in rows)
        {
            var from = near[row.Id];
            var pay = payOnDay.TryGetValue(row.Id, out var changed) ? changed : row.PayRate;
            if (await parity.TermsAsync(row.Terms, pay, cancellationToken) is not { } terms) continue;
            var figuresFrom = FiguresFrom(from);
            var question = new ParityQuestion(terms.Role.Id, terms.IsChildrensServices, terms.Supplier, terms.MarginRate, terms.WeeklyHours, figuresFrom);
            var least = await run.AnswerOnceAsync(version, question,
                async () => new LeastPay(await payThrough.LeastAllowedAsync(terms, figuresFrom, AwrParity.MostPayLookedAt, cancellationToken)));
            // No pay at all allowed is not parity's to say; paid at least the least allowed, nothing is due.
            if (least.Amount is not { } needed || needed <= pay) continue;
            var asPaid = (await payThrough.OnAsync(terms, from, cancellationToken)).Decision;
            var rule = asPaid.Details.Failed.FirstOrDefault()?.Rule ?? "pay-rate rules";
            found[row.Id] = new ParityFinding(new ParityFlagRaise(Message(from, needed, pay, today), rule, version), null);
        }
        return found;
    }

    /// <summary>Why an open "pay parity due" flag is resolved when the check no longer raises it.</summary>
    public const string NoLongerDue = "No longer applies: the pay from the AWR qualifying point is at least what the pay-rate rules allow a worker past it.";

    private static string Message(DateOnly from, decimal needed, decimal paid, DateOnly today) =>
        string.Create(CultureInfo.InvariantCulture,
            $"AWR pay parity {(from > today ? "is due" : "has been due")} from {Domain.Timesheets.TimesheetChecks.Day(from)}: the pay-rate rules allow at least £{needed:0.00} an hour from then; the pay is £{paid:0.00}. Apply parity on the placement's page.");

    private static DateOnly Earliest(DateOnly one, DateOnly other) => one < other ? one : other;

    // What the least allowed pay depends on besides the rules: asked once a run for placements alike.
    private sealed record ParityQuestion(int RoleId, bool IsChildrensServices, SupplyAgencyKind Supplier, decimal MarginRate, decimal WeeklyHours, DateOnly Day);

    private sealed record LeastPay(decimal? Amount);
}

/// <summary>The placements given, as the parity check reads them: their terms and pay as booked, and whether it has changed since.</summary>
public sealed class ParityRowsSpec : Common.Specifications.Specification<Placement, ParityRow>
{
    public ParityRowsSpec(IReadOnlyCollection<int> ids)
    {
        Query.Where(p => ids.Contains(p.Id));
        Query.Select(p => new ParityRow(p.Id, p.JobRoleId, p.SupplyAgencyId, p.ServiceAreaId, p.WeeklyHours, p.Rates.PayRate, p.RateChanges.Any()));
    }
}

public sealed record ParityRow(int Id, int JobRoleId, int SupplyAgencyId, int ServiceAreaId, decimal WeeklyHours, decimal PayRate, bool Rerated)
{
    public ParityPlacement Terms => new(JobRoleId, SupplyAgencyId, ServiceAreaId, WeeklyHours);
}
