using Connect2Luton.Application.Dashboard;
using Connect2Luton.Domain.JobRoles;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Connect2Luton.Application.Tests.Dashboard;

/// <summary>The dashboard over a small hand-built dataset whose right answers are known.</summary>
public sealed class DashboardQueriesTests : IAsyncLifetime
{
    private SqliteTestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await SqliteTestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Figures_count_live_placements_by_service_and_by_how_long_they_have_run()
    {
        var today = Clocks.Today;
        await ArrangeAsync();

        await using var services = TestServices.For(_database);
        await using var scope = services.CreateAsyncScope();

        var figures = await scope.ServiceProvider.GetRequiredService<DashboardQueries>().GetAsync(CancellationToken.None);

        figures.AsOf.ShouldBe(today);
        figures.LivePlacements.ShouldBe(4);
        figures.ChildrensAgencySocialWorkers.ShouldBe(3);
        figures.PastAwrPoint.ShouldBe(3);
        figures.PastReviewPoint.ShouldBe(2);
        figures.PastLongRunningPoint.ShouldBe(1);
        figures.OpenRequisitions.ShouldBe(0);
        figures.ByService.Select(s => (s.ServiceArea.Split(' ')[0], s.LivePlacements)).ShouldBe([("CAT", 0), ("CSC", 3), ("HOU", 1)]);
    }

    [Fact]
    public async Task When_hr_moves_the_review_point_in_the_rules_the_dashboard_counts_to_the_new_point()
    {
        await ArrangeAsync();
        using var rules = RuleFiles.Copy();
        rules.Replace("placement-length-limits.json", rules.Read("placement-length-limits.json")
            .Replace("{ \"Name\": \"reviewMonths\", \"Expression\": \"6\"", "{ \"Name\": \"reviewMonths\", \"Expression\": \"2\"", StringComparison.Ordinal));
        // The shipped cases pin the 6-month point; the first alone still holds with the point moved.
        var cases = System.Text.Json.Nodes.JsonNode.Parse(rules.Read(Path.Combine("tests", "placement-length-limits.cases.json")))!.AsObject();
        cases["Cases"] = new System.Text.Json.Nodes.JsonArray(cases["Cases"]![0]!.DeepClone());
        rules.Replace(Path.Combine("tests", "placement-length-limits.cases.json"), cases.ToJsonString());
        await using var services = TestServices.For(_database, rulesDirectory: rules.Directory);
        await using var scope = services.CreateAsyncScope();

        var figures = await scope.ServiceProvider.GetRequiredService<DashboardQueries>().GetAsync(CancellationToken.None);

        figures.Bands.ShouldNotBeNull().ReviewPoint.ShouldBe("2 months");
        figures.PastReviewPoint.ShouldBe(4, "every placement in post started more than 2 months ago");
    }

    // Live placements 12 weeks less a day, exactly 12 weeks and exactly 6 months in children's services, past 12
    // months and booked in housing, one ended, and a service with none.
    private async Task ArrangeAsync()
    {
        var today = Clocks.Today;
        await using (var db = TestData.Open(_database))
        {
            var childrens = await ReferenceData.SaveAsync(db, A.ServiceArea("CSC", childrens: true), A.SocialWorkerRole());
            var housing = await ReferenceData.SaveAsync(db, A.ServiceArea("HOU", childrens: false), A.Role(JobFamily.Housing));
            var empty = A.ServiceArea("CAT", childrens: false);
            db.Add(empty);
            await db.SaveAsync();

            async Task<Placement> Place(ReferenceData where, DateOnly start)
            {
                var requisition = A.Requisition().In(where.Area.Id, where.Role.Id, where.Manager.Id).Starting(start).Open();
                var worker = A.Worker().SuppliedBy(where.Agency.Id).Build();
                db.Add(requisition, worker);
                await db.SaveAsync();
                var placement = Placement.Book(requisition, worker, new PlacementBooking(A.Rates(), 37m, start, today.AddDays(60)), null, [], "r", Clocks.Now);
                db.Add(placement);
                return placement;
            }

            await Place(childrens, today.AddDays(-83));            // 12 weeks less a day: not yet past 12 weeks
            await Place(childrens, today.AddDays(-84));            // exactly 12 weeks
            await Place(childrens, today.AddMonths(-6));           // exactly 6 months
            await Place(housing, today.AddMonths(-12).AddDays(-1)); // past 12 months
            await Place(housing, today.AddDays(3));                // booked, not started: not in post
            var ended = await Place(housing, today.AddDays(-200));
            ended.End(today.AddDays(-1), "Completed", "r", Clocks.Now);
            await db.SaveAsync();
        }
    }
}
