using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Application.Reports;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Domain.Requisitions;
using Connect2Luton.Domain.ServiceAreas;
using Connect2Luton.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Connect2Luton.Application.Tests.Reports;

/// <summary>The live placements' groups the dashboard and reports share, kept and brought up to date as placements are saved.</summary>
public sealed class LivePlacementGroupsTests : IAsyncLifetime
{
    private SqliteTestDatabase _database = null!;
    private ReferenceData _reference = null!;
    private ServiceArea _housing = null!;

    public async Task InitializeAsync()
    {
        _database = await SqliteTestDatabase.CreateAsync();
        await using var db = TestData.Open(_database);
        _reference = await ReferenceData.SaveAsync(db);
        _housing = A.ServiceArea("HOU", childrens: false);
        db.Add(_housing);
        await db.SaveAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task A_placement_saved_regroups_only_its_own_service_and_role_and_the_groups_match_a_whole_grouping()
    {
        var clock = Clocks.Fixed();
        await using var services = TestServices.For(_database, clock, TestUser.Recruiter);
        var ending = await BookAsync(services, _reference.Area, Clocks.Today.AddDays(-100));
        await BookAsync(services, _housing, Clocks.Today.AddDays(-400));
        var first = await ReadAsync(services);
        var housing = first.Single(g => g.ServiceAreaId == _housing.Id);

        // One more booked in children's services, and one there ends.
        await BookAsync(services, _reference.Area, Clocks.Today.AddDays(-200));
        await AppSaves.SaveAsync<Placement>(services, async placements => (await placements.GetByIdAsync(ending.Id)).ShouldNotBeNull().End(Clocks.Today, "Left the council", "r", Clocks.Now));
        clock.Advance(TimeSpan.FromSeconds(5));
        var second = await ReadAsync(services);

        second.Single(g => g.ServiceAreaId == _housing.Id).ShouldBeSameAs(housing, "housing's group is kept as it was, not grouped again");
        await using var elsewhere = TestServices.For(_database, clock, TestUser.Recruiter);
        var whole = await ReadAsync(elsewhere);
        second.OrderBy(g => g.ServiceAreaId).ThenBy(g => g.JobRoleId).ThenBy(g => g.SupplyAgencyId)
            .ShouldBe(whole.OrderBy(g => g.ServiceAreaId).ThenBy(g => g.JobRoleId).ThenBy(g => g.SupplyAgencyId));
        second.Single(g => g.ServiceAreaId == _reference.Area.Id).Headcount.ShouldBe(1);
    }

    private static async Task<List<PlacementGroup>> ReadAsync(ServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LivePlacementGroups>().ReadAsync(null, default);
    }

    private async Task<Placement> BookAsync(ServiceProvider services, ServiceArea area, DateOnly start)
    {
        var manager = _reference.Manager;
        if (area.Id != _reference.Area.Id)
        {
            manager = A.Manager(area.Id);
            await using var db = TestData.Open(_database);
            db.Add(manager);
            await db.SaveAsync();
        }
        var requisition = A.Requisition().In(area.Id, _reference.Role.Id, manager.Id).Open();
        var worker = A.Worker().SuppliedBy(_reference.Agency.Id).WithChecks().Build();
        return await AppSaves.BookAsync(services, _database, requisition, worker, start, start.AddDays(365));
    }
}
