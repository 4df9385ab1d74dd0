using System.Globalization;
using System.Runtime.CompilerServices;
using Connect2Luton.Application.Common;
using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Application.Common.Time;
using Connect2Luton.Application.Placements.Flags;
using Connect2Luton.Application.Policies;
using Connect2Luton.Domain.Decisions;
using Connect2Luton.Domain.JobRoles;
using Connect2Luton.Domain.Placements;

namespace Connect2Luton.Application.RuleSets.Cases;

/// <summary>The pay-rate caps decide each live placement's rates as booked.</summary>
public sealed class PayRateCases(LivePlacementCases live, IReadRepository<Placement> placements, IReadRepository<JobRole> jobRoles, ReferenceNames names, TimeProvider clock)
    : IRuleSetCases
{
    public string RuleSet => RuleSetNames.PayRateCaps;

    public string ScannedWhat => "live placements";

    public RealCaseKind RealCases => RealCaseKind.Placement;

    public async IAsyncEnumerable<WhatIfCase> LiveAsync(DateOnly day, DateOnly? runningOn, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var roles = (await jobRoles.ListAsync(new AllJobRolesSpec(), cancellationToken)).ToDictionary(r => r.Id);
        var areas = (await names.ServiceAreasAsync(cancellationToken)).ToDictionary(a => a.Id);
        var agencies = (await names.SupplyAgenciesAsync(cancellationToken)).ToDictionary(a => a.Id);
        await foreach (var range in live.RangesAsync(day, cancellationToken))
        {
            foreach (var row in await placements.ListAsync(new LivePlacementPayRowsSpec(range, day), cancellationToken))
            {
                if (LivePlacementCases.EndsBefore(runningOn, row.PlannedEndDate)) continue;
                var facts = PolicyFacts.PayRate(roles[row.JobRoleId], areas[row.ServiceAreaId].IsChildrensServices, agencies[row.SupplyAgencyId].Kind,
                    new PlacementRates(row.PayRate, row.HolidayPay, row.EmployerNationalInsurance, row.EmployerPension, row.Margin), row.WeeklyHours, day);
                yield return new WhatIfCase(row.Id, row.RequisitionId, row.WorkerId, row.JobRoleId,
                    string.Create(CultureInfo.InvariantCulture, $"£{row.PayRate:0.00} an hour, {areas[row.ServiceAreaId].Name}"), facts);
            }
        }
    }

    public async Task<RealCaseFacts> RealCaseAsync(RealCase asked, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(asked);
        var (placement, role, refused) = await live.AskedAsync(asked.PlacementId, cancellationToken);
        if (refused is not null) return refused;
        var area = (await names.ServiceAreasAsync(cancellationToken)).Single(a => a.Id == placement!.ServiceAreaId);
        var supplier = (await names.SupplyAgenciesAsync(cancellationToken)).Single(a => a.Id == placement!.SupplyAgencyId);
        return RealCaseFacts.Of(PolicyFacts.PayRate(role!, area.IsChildrensServices, supplier.Kind, placement!.Rates, placement.WeeklyHours, clock.Today()),
            $"placement {placement.Id} ({role!.Title})");
    }
}
