using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Application.Common.Specifications;
using Connect2Luton.Application.Placements;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Domain.Requisitions;
using Connect2Luton.Domain.Workers;
using Connect2Luton.Infrastructure.Persistence.Specifications;
using Connect2Luton.Testing;
using Microsoft.EntityFrameworkCore;

namespace Connect2Luton.Infrastructure.Tests.Specifications;

public sealed class SpecificationEvaluatorTests : IAsyncLifetime
{
    private SqliteTestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await SqliteTestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task A_specification_gives_the_same_sql_as_the_hand_written_query()
    {
        await using var db = _database.CreateContext();
        var district = "LU1";
        var spec = new WorkersInDistrictByNameSpec(district, new PageRequest(page: 3, size: 20));

        var evaluated = SpecificationEvaluator.Apply(db.Workers, spec).ToQueryString();
        int skip = 40, size = 20;
        var handWritten = db.Workers.AsNoTracking()
            .Where(w => w.PostcodeDistrict == district)
            .Where(w => w.IsActive)
            .OrderBy(w => w.LastName).ThenByDescending(w => w.Id)
            .Skip(skip).Take(size)
            .Select(w => new WorkerRow(w.Id, w.LastName + ", " + w.FirstName, w.Postcode))
            .ToQueryString();

        SpecificationEvaluator.Apply(db.Workers, (ISpecification<Worker, WorkerRow>)spec).ToQueryString().ShouldBe(handWritten);
        evaluated.ShouldContain("ORDER BY");
    }

    [Fact]
    public async Task Includes_follow_the_navigation_path_the_specification_names()
    {
        await using var db = _database.CreateContext();

        var id = 5;
        var evaluated = SpecificationEvaluator.Apply(db.Placements, new PlacementWithExtensionDecisionsSpec(id)).ToQueryString();
        var handWritten = db.Placements.Where(p => p.Id == id).Include(p => p.Extensions).ThenInclude(e => e.Decision).ToQueryString();

        evaluated.ShouldBe(handWritten);
    }

    [Fact]
    public async Task One_specification_gives_a_page_and_the_total_its_criteria_match_and_a_page_past_the_end_is_the_last()
    {
        var reference = await SeedWorkersAsync(("LU1 1AA", "Adams"), ("LU1 2BB", "Baker"), ("LU1 3DD", "Clarke"), ("LU2 1AA", "Dean"), ("LU1 4EE", "Evans"));
        await using var db = _database.CreateContext();
        var repository = new EfReadRepository<Worker>(db);

        var page = await repository.PageAsync(new PageRequest(page: 2, size: 3), p => new WorkersInDistrictByNameSpec("LU1", p));
        var past = await repository.PageAsync(new PageRequest(page: 9, size: 3), p => new WorkersInDistrictByNameSpec("LU1", p));

        page.TotalCount.ShouldBe(4);
        page.Page.ShouldBe(2);
        page.PageCount.ShouldBe(2);
        page.Items.Select(w => w.Name.Split(',')[0]).ShouldBe(["Evans"]);
        past.ShouldBe(page with { Items = past.Items });
        past.Items.ShouldBe(page.Items);
        reference.ShouldNotBeNull();
    }

    [Fact]
    public async Task Grouped_counts_are_made_in_the_database()
    {
        var reference = await SeedWorkersAsync(("LU1 1AA", "Adams"), ("LU1 2BB", "Baker"), ("LU2 1AA", "Dean"));
        await using var db = _database.CreateContext();

        var counts = await new EfReadRepository<Worker>(db).CountByAsync(new ActiveWorkersSpec(), w => w.PostcodeDistrict);
        var sql = SpecificationEvaluator.ApplyCriteria(db.Workers, new ActiveWorkersSpec())
            .GroupBy(w => w.PostcodeDistrict).Select(g => new { g.Key, Count = g.Count() }).ToQueryString();

        counts.ShouldBe(new Dictionary<string, int> { ["LU1"] = 2, ["LU2"] = 1 });
        sql.ShouldContain("GROUP BY");
        reference.ShouldNotBeNull();
    }

    [Fact]
    public async Task Money_orders_and_compares_as_decimal_on_sqlite()
    {
        var reference = await SeedWorkersAsync(("LU1 1AA", "Adams"), ("LU1 2BB", "Baker"), ("LU1 3DD", "Clarke"));
        await using (var db = _database.CreateContext())
        {
            var workers = await db.Workers.OrderBy(w => w.Id).ToListAsync();
            var rates = new[] { 9.5m, 31.25m, 100m };
            for (var i = 0; i < workers.Count; i++)
            {
                var requisition = A.Requisition().In(reference.Area.Id, reference.Role.Id, reference.Manager.Id).Open();
                db.Add(requisition);
                await db.SaveChangesAsync();
                db.Add(Placement.Book(requisition, workers[i], new PlacementBooking(A.Rates(rates[i]), 37m, Clocks.Today, Clocks.Today.AddDays(90)), null, [], "r", Clocks.Now));
            }
            await db.SaveChangesAsync();
        }

        await using var read = _database.CreateContext();
        // As text, "100" sorts before "9.5": the provider must compare these as numbers.
        var ordered = await read.Placements.OrderByDescending(p => p.Rates.PayRate).Select(p => p.Rates.PayRate).ToListAsync();
        var over30 = await read.Placements.CountAsync(p => p.Rates.PayRate > 30m);

        ordered.ShouldBe([100m, 31.25m, 9.5m]);
        over30.ShouldBe(2);
    }

    [Fact]
    public async Task The_live_placements_specification_leaves_out_future_ended_and_cancelled_placements()
    {
        var reference = await SeedWorkersAsync(("LU1 1AA", "Adams"), ("LU1 2BB", "Baker"), ("LU1 3DD", "Clarke"), ("LU1 4EE", "Dean"));
        await using (var db = _database.CreateContext())
        {
            var workers = await db.Workers.OrderBy(w => w.Id).ToListAsync();
            var starts = new[] { Clocks.Today.AddDays(-100), Clocks.Today.AddDays(-10), Clocks.Today.AddDays(5), Clocks.Today.AddDays(-50) };
            var placements = new List<Placement>();
            foreach (var (worker, start) in workers.Zip(starts))
            {
                var requisition = A.Requisition().In(reference.Area.Id, reference.Role.Id, reference.Manager.Id).Open();
                db.Add(requisition);
                await db.SaveChangesAsync();
                var placement = Placement.Book(requisition, worker, new PlacementBooking(A.Rates(), 37m, start, start.AddDays(200)), null, [], "r", Clocks.Now);
                placements.Add(placement);
                db.Add(placement);
            }
            placements[3].End(Clocks.Today.AddDays(-1), "Completed", "r", Clocks.Now);
            await db.SaveChangesAsync();
        }

        await using var read = _database.CreateContext();
        var repository = new EfReadRepository<Placement>(read);

        (await repository.CountAsync(new LivePlacementsSpec(Clocks.Today))).ShouldBe(2);
        (await repository.CountAsync(new LivePlacementsSpec(Clocks.Today, startedOnOrBefore: new LengthBands(12, 6, 12).AwrPointBefore(Clocks.Today)))).ShouldBe(1);
    }

    private async Task<Testing.Database.ReferenceData> SeedWorkersAsync(params (string Postcode, string LastName)[] workers)
    {
        await using var db = _database.CreateContext();
        var reference = await Testing.Database.ReferenceData.SaveAsync(db);
        foreach (var (postcode, lastName) in workers)
        {
            var worker = A.Worker().LivingIn(postcode).SuppliedBy(reference.Agency.Id).Build();
            worker.Update(new WorkerProfile("Sam", lastName, $"{lastName}@example.org", null, UkPostcode.Parse(postcode),
                worker.JobFamily, reference.Agency.Id, null, true, null));
            db.Add(worker);
        }
        await db.SaveChangesAsync();
        return reference;
    }

    private sealed record WorkerRow(int Id, string Name, string Postcode);

    private sealed class WorkersInDistrictByNameSpec : Specification<Worker, WorkerRow>
    {
        public WorkersInDistrictByNameSpec(string district, PageRequest page)
        {
            Query.Where(w => w.PostcodeDistrict == district);
            Query.Where(w => w.IsActive);
            Query.OrderBy(w => w.LastName).ThenByDescending(w => w.Id);
            Query.Skip(page.Skip).Take(page.Size);
            Query.Select(w => new WorkerRow(w.Id, w.LastName + ", " + w.FirstName, w.Postcode));
        }
    }

    private sealed class ActiveWorkersSpec : Specification<Worker>
    {
        public ActiveWorkersSpec() => Query.Where(w => w.IsActive).AsNoTracking();
    }

    private sealed class PlacementWithExtensionDecisionsSpec : Specification<Placement>
    {
        public PlacementWithExtensionDecisionsSpec(int id) =>
            Query.Where(p => p.Id == id).Include(p => p.Extensions).ThenInclude(e => e.Decision);
    }
}
