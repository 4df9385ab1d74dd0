using Connect2Luton.Domain.Placements;
using Connect2Luton.Domain.Timesheets;
using Connect2Luton.Infrastructure.Persistence;
using Connect2Luton.Testing;
using Connect2Luton.Web.Tests.Placements;
using Connect2Luton.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Connect2Luton.Web.Tests.Timesheets;

/// <summary>
/// A social worker in children's social care placed from Monday 17 August 2026 at a pay allowed before the AWR weeks,
/// written straight to the database: 12 weeks are done on Sunday 8 November, so parity is due from Monday 9 November.
/// </summary>
internal sealed record ParityArrangement(int PlacementId, string WorkerName)
{
    public static readonly DateOnly Start = new(2026, 8, 17);

    /// <summary>The week parity became due.</summary>
    public static readonly DateOnly DueWeek = new(2026, 11, 9);

    public static async Task<ParityArrangement> PlacedAsync(Connect2LutonFactory factory, decimal pay)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var area = await db.ServiceAreas.SingleAsync(a => a.Code == "CSC");
        var role = await db.JobRoles.FirstAsync(r => r.Title == "Social Worker (Children and Families)");
        var manager = await db.HiringManagers.FirstAsync(m => m.ServiceAreaId == area.Id);
        var pool = await db.SupplyAgencies.FirstAsync(a => a.Kind == Domain.SupplyAgencies.SupplyAgencyKind.InHousePool);
        var requisition = A.Requisition().In(area.Id, role.Id, manager.Id).Starting(Start).Open();
        var worker = A.Worker().LivingIn("LU2 7AB").SuppliedBy(pool.Id).WithChecks().Build();
        db.AddRange(requisition, worker);
        await db.SaveChangesAsync();
        var rates = ChargeRates.Price(pay, pool.Kind, pool.MarginRate, new OnCostRates(0.1207m, 0.15m, 0.03m, "test"));
        var placement = Placement.Book(requisition, worker, new PlacementBooking(rates, 37m, Start, Start.AddDays(26 * 7 - 1)), null, [], PlacementArrangement.Recruiter, Clocks.Now);
        db.Add(placement);
        await db.SaveChangesAsync();
        return new ParityArrangement(placement.Id, worker.FullName);
    }

    /// <summary>7.5 hours on the week's Monday approved at <paramref name="pay"/> before anyone saw parity was due (as weeks approved before this app checked were).</summary>
    public async Task ApprovedAtOldRateAsync(Connect2LutonFactory factory, DateOnly week, decimal pay)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var placement = await db.Placements.Include(p => p.RateChanges).SingleAsync(p => p.Id == PlacementId);
        var rates = new TimesheetRates(pay, [], Domain.SupplyAgencies.SupplyAgencyKind.InHousePool, 0.06m,
            _ => new OnCostRates(0.1207m, 0.15m, 0.03m, "test"), (_, _) => 1m);
        List<TimesheetHours> hours = [new(week, TimesheetLineType.Standard, 7.5m)];
        var timesheet = Timesheet.Start(placement, week, TimesheetEnteredAs.Recruiter, PlacementArrangement.Recruiter);
        timesheet.Record(hours, new TimesheetLimits(Start, Start.AddDays(200), Clocks.Today, false, new HashSet<TimesheetLineType>()), PlacementArrangement.Recruiter, Clocks.Now.AddDays(-7));
        timesheet.Submit(rates.Price(hours), null, PlacementArrangement.Recruiter, Clocks.Now.AddDays(-7));
        timesheet.Approve(rates.Price(hours), null, "manager@connect2luton.local", Clocks.Now.AddDays(-6));
        db.Add(timesheet);
        await db.SaveChangesAsync();
    }
}
