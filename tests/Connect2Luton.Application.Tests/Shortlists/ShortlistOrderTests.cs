using Bogus;
using Connect2Luton.Application.Policies;
using Connect2Luton.Application.Shortlists;

namespace Connect2Luton.Application.Tests.Shortlists;

/// <summary>A requisition's order of the pool, walked for each page rather than worked out whole.</summary>
public sealed class ShortlistOrderTests
{
    [Fact]
    public void Every_page_walked_from_the_pool_is_the_slice_of_the_whole_order_free_first_then_the_rest_less_those_on_the_list()
    {
        var faker = new Faker { Random = new Randomizer(20_261_206) };
        for (var round = 0; round < 200; round++)
        {
            var size = faker.Random.Int(0, 120);
            // Ranked as a pool is: the eligible first, each keeping its rank.
            var pool = Enumerable.Range(1, size).Select(id => Candidate(id, faker.Random.Bool(0.7f))).OrderByDescending(c => c.Eligible).ToList();
            var onList = faker.Random.ListItems(Enumerable.Range(1, size + 5).ToList(), faker.Random.Int(0, Math.Min(10, size + 5))).ToHashSet();
            var booked = faker.Random.ListItems(Enumerable.Range(1, size + 5).ToList(), faker.Random.Int(0, size + 5)).ToHashSet();
            var whole = pool.Where(c => !onList.Contains(c.Row.Id) && c.Eligible && !booked.Contains(c.Row.Id))
                .Concat(pool.Where(c => !onList.Contains(c.Row.Id) && !(c.Eligible && !booked.Contains(c.Row.Id))))
                .Select(c => c.Row.Id).ToList();
            var ranked = new RankedPool(null!, 0, 0, default, pool, pool.ToDictionary(c => c.Row.Id));

            ShortlistOrder.Count(ranked, onList).ShouldBe(whole.Count, $"round {round}");
            var take = faker.Random.Int(1, 30);
            for (var skip = 0; skip <= whole.Count + take; skip += take)
            {
                ShortlistOrder.Page(pool, onList, booked, skip, take).Select(c => c.Row.Id)
                    .ShouldBe(whole.Skip(skip).Take(take), $"round {round}, from {skip}, {take} a page");
            }
        }
    }

    private static PooledCandidate Candidate(int id, bool eligible) =>
        new(new CandidateRow(id, $"Worker {id}", $"Worker {id}", "LU1 1AA", "LU1", 1, null, null, null, null, null, true, true, null, false, null, 1),
            "Agency", new LocalPreferenceDecision("Local", 0, new PolicyDecision { RuleSet = "local-candidate-preference", Version = "v", Outcome = "Local", Rules = [], Figures = new Dictionary<string, object?>(), Facts = new object() }),
            eligible, false);
}
