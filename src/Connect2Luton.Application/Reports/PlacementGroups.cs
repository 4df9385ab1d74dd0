using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Application.Placements;
using Connect2Luton.Domain.Placements;

namespace Connect2Luton.Application.Reports;

/// <summary>
/// Live placements summed in the database by service, role and supplier: the one grouped read the workforce and
/// spend reports are rolled up from. Costs are committed spend: the rate times the contracted weekly hours.
/// </summary>
/// <param name="WeeklyPayAndStatutoryCosts">Pay, holiday pay and employer NI for a week: what any agency's margin is charged on.</param>
public sealed record PlacementGroup(
    int ServiceAreaId, int JobRoleId, int SupplyAgencyId, int Headcount, decimal WeeklyHours, decimal WeeklyCharge, decimal WeeklyMargin, decimal WeeklyPayAndStatutoryCosts);

public static class PlacementGroups
{
    public static Task<List<PlacementGroup>> LiveAsync(IReadRepository<Placement> placements, DateOnly today, IReadOnlyCollection<int>? serviceAreaIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(placements);
        return placements.GroupAsync(
            new LivePlacementsSpec(today, serviceAreaIds: serviceAreaIds),
            p => new { p.ServiceAreaId, p.JobRoleId, p.SupplyAgencyId },
            g => new PlacementGroup(
                g.Key.ServiceAreaId, g.Key.JobRoleId, g.Key.SupplyAgencyId, g.Count(),
                g.Sum(p => p.WeeklyHours),
                g.Sum(p => p.Rates.ChargeRate * p.WeeklyHours),
                g.Sum(p => p.Rates.Margin * p.WeeklyHours),
                g.Sum(p => (p.Rates.PayRate + p.Rates.HolidayPay + p.Rates.EmployerNationalInsurance) * p.WeeklyHours)),
            cancellationToken);
    }
}
