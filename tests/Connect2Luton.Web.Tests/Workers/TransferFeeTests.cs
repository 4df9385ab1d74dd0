using Connect2Luton.Domain.Placements;
using Connect2Luton.Testing;
using Connect2Luton.Web.Tests.Placements;
using Connect2Luton.Web.Tests.Support;

namespace Connect2Luton.Web.Tests.Workers;

/// <summary>Each placed worker's page says from when no transfer fee can be charged (regulation 10), ended placements too.</summary>
public sealed class TransferFeeTests(Connect2LutonFactory factory) : IClassFixture<Connect2LutonFactory>
{
    [Fact]
    public async Task A_worker_on_a_live_placement_is_fee_free_14_weeks_after_the_first_day_and_one_whose_placement_ended_8_weeks_after_the_last_day_if_later()
    {
        var only = (await PlacementArrangement.QueryAsync(factory, db => db.Placements
            .Where(p => p.Status != PlacementStatus.Cancelled)
            .Select(p => new { p.WorkerId, p.Status, p.StartDate, p.EndDate }).ToList()))
            .GroupBy(p => p.WorkerId).Where(g => g.Count() == 1).Select(g => g.Single()).ToList();
        var live = only.First(p => p.Status == PlacementStatus.Active && p.StartDate <= Clocks.Today.AddDays(-150));
        var ended = only.First(p => p.Status == PlacementStatus.Ended && p.EndDate.AddDays(57) > p.StartDate.AddDays(98) && p.EndDate.AddDays(57) > Clocks.Today);
        var recruiter = await factory.SignedInAsAsync(PlacementArrangement.Recruiter);

        var livePage = await recruiter.GetPageAsync($"/Workers/{live.WorkerId}");
        var endedPage = await recruiter.GetPageAsync($"/Workers/{ended.WorkerId}");

        livePage.Text("#fee-free").ShouldContain($"fee-free since {live.StartDate.AddDays(98):d MMMM yyyy}");
        endedPage.Text("#fee-free").ShouldContain($"Could be charged for a permanent job before {ended.EndDate.AddDays(57):d MMMM yyyy}");
    }
}
