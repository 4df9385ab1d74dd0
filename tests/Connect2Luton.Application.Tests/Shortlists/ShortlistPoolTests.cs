using Bogus;
using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Application.Common.Specifications;
using Connect2Luton.Application.Shortlists;
using Connect2Luton.Domain.Requisitions;
using Connect2Luton.Domain.Workers;
using Connect2Luton.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Connect2Luton.Application.Tests.Shortlists;

/// <summary>The ranked pool kept between requests, brought up to date worker by worker as workers are saved.</summary>
public sealed class ShortlistPoolTests : IAsyncLifetime
{
    private static readonly string[] Postcodes = ["LU1 1AA", "LU2 7AB", "LU3 2AA", "LU4 9ZZ", "LU6 1AA", "MK40 1AA", "SG5 1AA", "AL1 1AA"];

    private SqliteTestDatabase _database = null!;
    private ReferenceData _reference = null!;
    private Requisition _requisition = null!;

    public async Task InitializeAsync()
    {
        _database = await SqliteTestDatabase.CreateAsync();
        await using var db = TestData.Open(_database);
        _reference = await ReferenceData.SaveAsync(db);
        _requisition = A.Requisition().In(_reference.Area.Id, _reference.Role.Id, _reference.Manager.Id).Open();
        db.Add(_requisition);
        await db.SaveAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Workers_saved_after_the_pool_was_ranked_are_ranked_alone_into_the_order_a_whole_ranking_gives()
    {
        var faker = new Faker("en_GB") { Random = new Randomizer(20_261_205) };
        var clock = Clocks.Fixed();
        await using var services = TestServices.For(_database, clock, TestUser.Recruiter);
        await SaveAsync(services, (workers, _) =>
        {
            for (var i = 0; i < 100; i++) workers.Add(NewWorker(faker));
            return Task.CompletedTask;
        });
        var pools = services.GetRequiredService<ShortlistPools>();
        await ShortlistAsync(services);
        var rankedAt = pools.Ranked.ShouldHaveSingleItem().RankedAt;

        for (var round = 0; round < 6; round++)
        {
            // Each round: some workers join, some leave the pool, some come back, one is kept by their agency; in one
            // round more at once than are moved one by one, so they are merged in one walk of the order.
            await SaveAsync(services, async (workers, ids) =>
            {
                for (var i = faker.Random.Int(0, 3); i > 0; i--) workers.Add(NewWorker(faker));
                foreach (var id in faker.PickRandom(ids, round == 3 ? 80 : 4).Distinct())
                {
                    var worker = (await workers.GetByIdAsync(id)).ShouldNotBeNull();
                    switch (faker.Random.Int(0, 3))
                    {
                        case 0: worker.Deactivate(); break;
                        case 1 when !worker.IsActive: worker.Reactivate(); break;
                        case 2: worker.KeepByAgency(); break;
                        default: workers.Claim(worker); break;
                    }
                }
            });

            // Time moves on (within the caches' minute), so a pool ranked whole again would say so.
            clock.Advance(TimeSpan.FromSeconds(5));
            await ShortlistAsync(services);
            var pool = pools.Ranked.ShouldHaveSingleItem();
            pool.RankedAt.ShouldBe(rankedAt, "the pool is brought up to date, not ranked whole again");
            await using var scope = services.CreateAsyncScope();
            var whole = await scope.ServiceProvider.GetRequiredService<ShortlistRanking>().RankAsync(pool.Request, pool.Workers, default);
            pool.Candidates.Select(c => (c.Row.Id, c.Row.LastName, c.Decision.Points, c.Eligible))
                .ShouldBe(whole.Candidates.Select(c => (c.Row.Id, c.Row.LastName, c.Decision.Points, c.Eligible)), $"round {round}");
            pool.ById.Keys.Order().ShouldBe(whole.ById.Keys.Order());
        }
    }

    [Fact]
    public async Task Changes_another_node_made_are_found_within_the_minute_by_record_versions_and_only_those_workers_ranked_again()
    {
        var faker = new Faker("en_GB") { Random = new Randomizer(20_261_206) };
        var clock = Clocks.Fixed();
        await using var services = TestServices.For(_database, clock, TestUser.Recruiter);
        // A second app on the same database: its saves move its own change counters, not this one's.
        await using var otherNode = TestServices.For(_database, clock, TestUser.Recruiter);
        var pools = services.GetRequiredService<ShortlistPools>();
        await SaveAsync(services, (workers, _) =>
        {
            for (var i = 0; i < 40; i++) workers.Add(NewWorker(faker));
            return Task.CompletedTask;
        });
        await ShortlistAsync(services);
        var before = pools.Ranked.ShouldHaveSingleItem();

        var touched = new HashSet<int>();
        await SaveAsync(otherNode, async (workers, ids) =>
        {
            workers.Add(NewWorker(faker));
            foreach (var id in faker.PickRandom(ids, 5).Distinct())
            {
                touched.Add(id);
                var worker = (await workers.GetByIdAsync(id)).ShouldNotBeNull();
                if (touched.Count == 1) worker.Deactivate();
                else workers.Claim(worker);
            }
        });
        clock.Advance(TimeSpan.FromMinutes(2));
        await ShortlistAsync(services);
        pools.Ranked.Single().Stamp.ShouldBe(before.Stamp, "the last ranking is served while it is checked");

        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (pools.Ranked.Single().RankedAt == before.RankedAt && waited.Elapsed < TimeSpan.FromSeconds(20)) await Task.Delay(50);
        var after = pools.Ranked.Single();
        after.RankedAt.ShouldBe(clock.GetUtcNow(), "checked whole against the database in the background");
        await using var scope = services.CreateAsyncScope();
        var whole = await scope.ServiceProvider.GetRequiredService<ShortlistRanking>().RankAsync(after.Request, after.Workers, default);
        after.Candidates.Select(c => (c.Row.Id, c.Row.Version, c.Decision.Points, c.Eligible))
            .ShouldBe(whole.Candidates.Select(c => (c.Row.Id, c.Row.Version, c.Decision.Points, c.Eligible)));
        // Workers nobody changed keep the decision they were ranked with: only the changed were decided again.
        var kept = before.Candidates.ToDictionary(c => c.Row.Id);
        after.Candidates.Where(c => kept.TryGetValue(c.Row.Id, out var old) && ReferenceEquals(old, c)).Count()
            .ShouldBe(before.Candidates.Count - touched.Count);
    }

    [Fact]
    public async Task A_large_pool_ranked_under_a_day_since_gone_is_served_as_it_was_while_it_is_ranked_again_off_the_request()
    {
        var faker = new Faker("en_GB") { Random = new Randomizer(20_261_207) };
        var clock = Clocks.Fixed();
        await using var services = TestServices.For(_database, clock, TestUser.Recruiter);
        await SaveAsync(services, (workers, _) =>
        {
            for (var i = 0; i <= ShortlistPools.MostRankedWholeOnARequest; i++) workers.Add(NewWorker(faker));
            return Task.CompletedTask;
        });
        var pools = services.GetRequiredService<ShortlistPools>();
        await ShortlistAsync(services);
        var first = pools.Ranked.ShouldHaveSingleItem();
        first.RankedOffTheRequest.ShouldBeFalse("the first request for a family has nothing to be served meanwhile");

        // The day turns: the ranking is under a new basis, which a request does not wait for.
        clock.Advance(TimeSpan.FromDays(1));
        await ShortlistAsync(services);

        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (pools.Ranked.Single().Request.Basis == first.Request.Basis && waited.Elapsed < TimeSpan.FromSeconds(20)) await Task.Delay(50);
        var next = pools.Ranked.Single();
        next.Request.Today.ShouldBe(first.Request.Today.AddDays(1));
        next.RankedOffTheRequest.ShouldBeTrue("ranked in the background while the last ranking was served");
        next.Candidates.Count.ShouldBe(first.Candidates.Count);
    }

    private Worker NewWorker(Faker faker) =>
        A.Worker().Named(faker.Name.LastName()).LivingIn(faker.PickRandom(Postcodes)).SuppliedBy(_reference.Agency.Id).Build();

    private async Task ShortlistAsync(ServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<ShortlistQueries>().GetAsync(_requisition.Id, new PageRequest(1), default)).ShouldNotBeNull();
    }

    private static async Task SaveAsync(ServiceProvider services, Func<IRepository<Worker>, IReadOnlyList<int>, Task> change)
    {
        await using var scope = services.CreateAsyncScope();
        var workers = scope.ServiceProvider.GetRequiredService<IRepository<Worker>>();
        var ids = (await workers.ListAsync(new AllWorkerIdsSpec())).ToList();
        await change(workers, ids);
        await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().SaveChangesAsync();
    }

    private sealed class AllWorkerIdsSpec : Specification<Worker, int>
    {
        public AllWorkerIdsSpec() => Query.Select(w => w.Id);
    }
}
