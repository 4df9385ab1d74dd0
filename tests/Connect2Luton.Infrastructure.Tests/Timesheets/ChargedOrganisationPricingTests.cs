using Connect2Luton.Application.Timesheets;
using Connect2Luton.Domain.HiringOrganisations;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Connect2Luton.Infrastructure.Tests.Timesheets;

/// <summary>A week is priced with the margin adjustment of the organisation it is charged to, whatever its service belongs to now.</summary>
public sealed class ChargedOrganisationPricingTests : IAsyncLifetime
{
    private SqliteTestDatabase _database = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _database = await SqliteTestDatabase.CreateAsync();
        _services = TestServices.For(_database, Clocks.Fixed());
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task A_week_charged_to_a_trust_keeps_the_trusts_margin_adjustment_after_its_service_moves_to_the_council()
    {
        int placementId, trustId;
        await using (var db = _database.CreateContext())
        {
            var trust = new HiringOrganisation("Test Trust", "1 Test Street, Luton", "Finance", "finance@trust.example", false, 0.05m);
            db.Add(trust);
            await db.SaveChangesAsync();
            var area = A.ServiceArea("TT", childrens: false);
            area.MoveTo(trust.Id);
            var role = A.Role();
            var pool = A.InHousePool();
            db.AddRange(area, role, pool);
            await db.SaveChangesAsync();
            var manager = A.Manager(area.Id);
            db.Add(manager);
            await db.SaveChangesAsync();
            var requisition = A.Requisition().In(area.Id, role.Id, manager.Id).Starting(new DateOnly(2026, 11, 2)).Open();
            var worker = A.Worker().SuppliedBy(pool.Id).WithChecks().Build();
            db.AddRange(requisition, worker);
            await db.SaveChangesAsync();
            var placement = Placement.Book(requisition, worker, new PlacementBooking(A.Rates(16m), 37m, new DateOnly(2026, 11, 2), new DateOnly(2027, 2, 26)), null, [], "recruiter@test.local", Clocks.Now);
            db.Add(placement);
            await db.SaveChangesAsync();
            (placementId, trustId) = (placement.Id, trust.Id);
        }
        var week = new DateOnly(2026, 11, 16);
        var charged = await MarginOnMondayAsync(placementId, week, trustId);

        await using (var scope = _services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Connect2Luton.Infrastructure.Persistence.AppDbContext>();
            (await db.ServiceAreas.SingleAsync(a => a.Code == "TT")).MoveTo(HiringOrganisation.CouncilId);
            await db.SaveChangesAsync();
        }

        (await MarginOnMondayAsync(placementId, week, trustId)).ShouldBe(charged, "charged to the trust, priced with its adjustment");
        (await MarginOnMondayAsync(placementId, week, null)).ShouldBeLessThan(charged, "a week started now is the council's, without the trust's 5 points");
    }

    private async Task<decimal> MarginOnMondayAsync(int placementId, DateOnly week, int? chargedTo)
    {
        await using var scope = _services.CreateAsyncScope();
        var placement = await scope.ServiceProvider.GetRequiredService<Connect2Luton.Infrastructure.Persistence.AppDbContext>().Placements.Include(p => p.RateChanges).AsNoTracking().SingleAsync(p => p.Id == placementId);
        var priced = (await scope.ServiceProvider.GetRequiredService<TimesheetPricer>().ForWeekAsync(placement, week, CancellationToken.None, chargedTo)).ShouldNotBeNull();
        return priced.Rates.Price([new(week, Domain.Timesheets.TimesheetLineType.Standard, 7.5m)]).Sum(l => l.Margin);
    }
}
