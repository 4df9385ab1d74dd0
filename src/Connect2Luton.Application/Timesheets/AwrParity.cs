using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Application.JobRoles;
using Connect2Luton.Application.Placements;
using Connect2Luton.Application.Policies;
using Connect2Luton.Domain.JobRoles;
using Connect2Luton.Domain.Placements;

namespace Connect2Luton.Application.Timesheets;

/// <summary>A placement whose worker is due pay parity: from which day, the least the rules allow then, and what they are paid that day.</summary>
public sealed record ParityDue(DateOnly From, decimal RateNeeded, decimal PaidThen);

/// <summary>
/// AWR pay parity (regulation 5) for a placement: the day its worker is past the qualifying weeks in the role (from
/// the AWR clock, over all their placements and breaks), and the least the pay-rate rules allow an hour from then
/// for a worker past them. The rules hold the parity rate (which point on the grade, which hours): this asks them,
/// never works it out beside them.
/// </summary>
public sealed class AwrParity(
    AwrPositions positions,
    IPlacementLengthPolicy lengths,
    PayRateThroughChanges payThrough,
    IReadRepository<JobRole> jobRoles,
    TimesheetPricer pricer)
{
    // Roles read once for this unit of work (approving many weeks asks for the same few).
    private readonly Dictionary<int, JobRole?> _roles = [];

    /// <summary>The most an hour looked at when finding the least the rules allow.</summary>
    public const decimal MostPayLookedAt = 200m;

    /// <summary>The first day the worker is past the qualifying weeks in the placement's role, if that falls while the placement runs.</summary>
    public async Task<DateOnly?> DueFromAsync(Placement placement, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(placement);
        var clock = await positions.ClockAsync(placement.WorkerId, placement.JobRoleId, cancellationToken);
        return DueFrom(placement, clock, (await lengths.LengthBandsAsync(cancellationToken)).AwrWeeks);
    }

    /// <summary>The same, with the worker's clock in the role already read (<see cref="AwrPositions.ClocksAsync"/>) and the qualifying weeks.</summary>
    public static DateOnly? DueFrom(Placement placement, Func<DateOnly, AwrPosition> clock, int weeks)
    {
        ArgumentNullException.ThrowIfNull(placement);
        ArgumentNullException.ThrowIfNull(clock);
        return DueFrom(placement.StartDate, placement.EndDate, day => clock(day).Weeks, weeks);
    }

    /// <summary>
    /// The first day from <paramref name="start"/> to <paramref name="end"/> the worker is past the qualifying weeks,
    /// given the weeks counted on any day (which only grow while a placement runs), found by halving.
    /// </summary>
    public static DateOnly? DueFrom(DateOnly start, DateOnly end, Func<DateOnly, int> weeksOn, int weeks)
    {
        ArgumentNullException.ThrowIfNull(weeksOn);
        bool PastOn(DateOnly day) => weeksOn(day) >= weeks;
        // Already past on the first day (weeks in the role before this placement): due from its start.
        if (PastOn(start)) return start;
        if (!PastOn(end)) return null;
        var (before, after) = (start, end);
        while (after.DayNumber - before.DayNumber > 1)
        {
            var middle = before.AddDays((after.DayNumber - before.DayNumber) / 2);
            if (PastOn(middle)) after = middle;
            else before = middle;
        }
        // Past the weeks at the end of the day they are completed: due from the next.
        return after.AddDays(1) <= end ? after.AddDays(1) : null;
    }

    /// <summary>
    /// What is due where the worker is paid less from the day parity applies than the rules allow for a worker past the
    /// qualifying weeks; null where they are paid enough, or the placement ends before.
    /// </summary>
    public async Task<ParityDue?> DueAsync(Placement placement, CancellationToken cancellationToken) =>
        await DueFromAsync(placement, cancellationToken) is { } from ? await DueAsync(placement, from, cancellationToken) : null;

    /// <summary>The same, from the day parity is due already found.</summary>
    public async Task<ParityDue?> DueAsync(Placement placement, DateOnly from, CancellationToken cancellationToken)
    {
        if (await TermsAsync(placement, from, cancellationToken) is not { } terms) return null;
        var least = await payThrough.LeastAllowedAsync(terms, from, MostPayLookedAt, cancellationToken);
        return least is { } needed && needed > terms.PayRate ? new ParityDue(from, needed, terms.PayRate) : null;
    }

    /// <summary>
    /// Why a week cannot be approved: the rules refuse the pay in force on a day of it the worker is past the qualifying
    /// weeks (their own words, with the day); null where every such day's pay is allowed.
    /// </summary>
    public async Task<string?> RefusalForWeekAsync(Placement placement, IReadOnlyCollection<DateOnly> daysWorked, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(daysWorked);
        if (daysWorked.Count == 0) return null;
        return await RefusalFromAsync(placement, await DueFromAsync(placement, cancellationToken), daysWorked, cancellationToken);
    }

    /// <summary>The same, from the day parity is due already found (null: never while the placement runs).</summary>
    public async Task<string?> RefusalFromAsync(Placement placement, DateOnly? dueFrom, IReadOnlyCollection<DateOnly> daysWorked, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(daysWorked);
        if (dueFrom is not { } from) return null;
        foreach (var day in daysWorked.Where(d => d >= from).Order())
        {
            if (await TermsAsync(placement, day, cancellationToken) is not { } terms) return null;
            var decision = (await payThrough.OnAsync(terms, day, cancellationToken)).Decision;
            if (decision.Outcome == PayRateOutcome.Refused)
                return $"The pay on {Domain.Timesheets.TimesheetChecks.Day(day)} is refused by the pay-rate rules: {decision.Details.Failed.FirstOrDefault()?.Message}";
        }
        return null;
    }

    /// <summary>The placement's terms on a day: its role and supplier, the pay in force that day, and whether the worker is past the weeks.</summary>
    public async Task<PayRateTerms?> TermsAsync(Placement placement, DateOnly day, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(placement);
        return await TermsAsync(new ParityPlacement(placement.JobRoleId, placement.SupplyAgencyId, placement.ServiceAreaId, placement.WeeklyHours), placement.PayRateOn(day), cancellationToken);
    }

    /// <summary>The same, for a placement read as a row, with the pay in force on the day.</summary>
    public async Task<PayRateTerms?> TermsAsync(ParityPlacement placement, decimal payRate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(placement);
        if (!_roles.TryGetValue(placement.JobRoleId, out var role))
            _roles[placement.JobRoleId] = role = await jobRoles.FirstOrDefaultAsync(new JobRoleByIdSpec(placement.JobRoleId), cancellationToken);
        if (role is null || await pricer.ChargeTermsAsync(placement.SupplyAgencyId, placement.ServiceAreaId, cancellationToken) is not { } charged) return null;
        return new PayRateTerms(role, charged.Area.IsChildrensServices, charged.Supplier, charged.MarginRate, payRate, placement.WeeklyHours, AwrQualified: true);
    }
}

/// <summary>What a placement's parity terms are worked out from, besides its pay.</summary>
public sealed record ParityPlacement(int JobRoleId, int SupplyAgencyId, int ServiceAreaId, decimal WeeklyHours);
