using Connect2Luton.Application.Common;
using Connect2Luton.Application.Policies;
using Connect2Luton.Domain.HiringOrganisations;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Domain.Timesheets;

namespace Connect2Luton.Application.Timesheets;

/// <summary>What a placement's hours are charged on: its supplier's kind, the margin with its organisation's adjustment, and its service.</summary>
public sealed record ChargeTerms(Domain.SupplyAgencies.SupplyAgencyKind Supplier, decimal MarginRate, ServiceAreas.ServiceAreaSummary Area);

/// <summary>A placement's week as the rules price it: each day's rates, and the kinds of hours its role may claim.</summary>
public sealed record PricedWeek(TimesheetRates Rates, IReadOnlySet<TimesheetLineType> AllowedTypes);

/// <summary>
/// Puts together what prices a placement's week: its rate on each day (its rate changes), the supplier's margin with
/// the hiring organisation's adjustment, and the on-costs and kinds of hours the pay-rate rules set for each day.
/// </summary>
public sealed class TimesheetPricer(IPayRatePolicy payRates, ReferenceNames names)
{
    // What the rules set for each day of a week, read once for this unit of work: approving many weeks prices the same few.
    private readonly Dictionary<DateOnly, (OnCostRates OnCosts, TimesheetTerms Terms)> _days = [];

    /// <param name="chargedTo">
    /// The organisation a timesheet of the week is charged to, whose margin adjustment prices it (it stays charged to it
    /// when its service moves); none for a week not yet started, charged to the service's organisation now.
    /// </param>
    /// <returns>Null where the placement's role or supplier is no longer on record.</returns>
    public async Task<PricedWeek?> ForWeekAsync(Placement placement, DateOnly weekStart, CancellationToken cancellationToken, int? chargedTo = null)
    {
        ArgumentNullException.ThrowIfNull(placement);
        var role = (await names.JobRolesAsync(cancellationToken)).FirstOrDefault(r => r.Id == placement.JobRoleId);
        if (role is null || await ChargeTermsAsync(placement.SupplyAgencyId, placement.ServiceAreaId, cancellationToken, chargedTo) is not { } charged) return null;

        var onCosts = new Dictionary<DateOnly, OnCostRates>();
        var terms = new Dictionary<DateOnly, TimesheetTerms>();
        foreach (var day in TimesheetWeek.DaysFrom(weekStart))
        {
            if (!_days.TryGetValue(day, out var set))
                _days[day] = set = (await payRates.OnCostsAsync(day, cancellationToken), await payRates.TimesheetTermsAsync(day, cancellationToken));
            (onCosts[day], terms[day]) = set;
        }
        var rates = new TimesheetRates(
            placement.Rates.PayRate, placement.PayChanges(), charged.Supplier, charged.MarginRate,
            day => onCosts[day], (day, type) => terms[day].PayShareOf(type));
        // A kind of hours the rules stop allowing part way through a week is refused for the whole week: one form, one list.
        var allowed = Enum.GetValues<TimesheetLineType>().Where(t => terms.Values.All(day => day.Allows(role.JobFamily, t))).ToHashSet();
        return new PricedWeek(rates, allowed);
    }

    /// <summary>
    /// Who supplies the placement, the margin its hours are charged at (the supplier's, with its service's organisation's
    /// adjustment) and its service; null where any of them is no longer on record.
    /// </summary>
    public async Task<ChargeTerms?> ChargeTermsAsync(Placement placement, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(placement);
        return await ChargeTermsAsync(placement.SupplyAgencyId, placement.ServiceAreaId, cancellationToken);
    }

    /// <summary>The same, for a placement read as a row: who supplies it and in which service, charged to an organisation other than the service's where given.</summary>
    public async Task<ChargeTerms?> ChargeTermsAsync(int supplyAgencyId, int serviceAreaId, CancellationToken cancellationToken, int? chargedTo = null)
    {
        // Worked out once for each supplier, service and organisation in this unit of work: a night's parity check asks for every placement.
        if (_charged.TryGetValue((supplyAgencyId, serviceAreaId, chargedTo), out var known)) return known;
        var supplier = (await names.SupplyAgenciesAsync(cancellationToken)).FirstOrDefault(a => a.Id == supplyAgencyId);
        var area = (await names.ServiceAreasAsync(cancellationToken)).FirstOrDefault(a => a.Id == serviceAreaId);
        var organisation = area is null ? null : (await names.HiringOrganisationsAsync(cancellationToken)).FirstOrDefault(o => o.Id == (chargedTo ?? area.HiringOrganisationId));
        return _charged[(supplyAgencyId, serviceAreaId, chargedTo)] = supplier is null || area is null || organisation is null
            ? null
            : new ChargeTerms(supplier.Kind, HiringOrganisation.MarginRate(supplier.MarginRate, organisation.MarginAdjustment), area);
    }

    private readonly Dictionary<(int Supplier, int Service, int? ChargedTo), ChargeTerms?> _charged = [];
}
