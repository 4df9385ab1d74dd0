using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Application.Shortlists;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Domain.Requisitions;
using Connect2Luton.Domain.Workers;
using Connect2Luton.Testing;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;

namespace Connect2Luton.Application.Tests.Shortlists;

/// <summary>Who is booked over a requisition's dates, kept and brought up to date as placements are saved.</summary>
public sealed class BookedWorkersTests : IAsyncLifetime
{
    private SqliteTestDatabase _database = null!;
    private ReferenceData _reference = null!;

    public async Task InitializeAsync()
    {
        _database = await SqliteTestDatabase.CreateAsync();
        await using var db = TestData.Open(_database);
        _reference = await ReferenceData.SaveAsync(db);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Placements_saved_since_the_period_was_read_are_applied_to_it_and_it_matches_a_whole_read()
    {
        var clock = Clocks.Fixed();
        var (from, to) = (Clocks.Today.AddDays(30), Clocks.Today.AddDays(60));
        await using var services = TestServices.For(_database, clock, TestUser.Recruiter);
        var ended = await BookAsync(services, Clocks.Today, Clocks.Today.AddDays(90));
        var busy = services.GetRequiredService<BookedWorkers>();
        var first = await ReadAsync(services, busy, from, to);
        first.Workers.ShouldBe([ended.WorkerId]);

        // One ends before the period, one is booked inside it, one after it.
        await AppSaves.SaveAsync<Placement>(services, async placements =>
        {
            var placement = (await placements.GetByIdAsync(ended.Id)).ShouldNotBeNull();
            placement.End(Clocks.Today.AddDays(10), "Left the council", "r", Clocks.Now);
        });
        var inside = await BookAsync(services, from.AddDays(5), to.AddDays(20));
        await BookAsync(services, to.AddDays(1), to.AddDays(40));
        clock.Advance(TimeSpan.FromSeconds(20));

        var second = await ReadAsync(services, busy, from, to);

        second.ReadAt.ShouldBe(first.ReadAt, "brought up to date from the placements saved, not read whole again");
        second.Workers.ShouldBe([inside.WorkerId]);
        await using var scope = services.CreateAsyncScope();
        var whole = await scope.ServiceProvider.GetRequiredService<IReadRepository<Placement>>().ListAsync(new WorkersBookedBetweenSpec(from, to));
        second.Workers.Order().ShouldBe(whole.Distinct().Order());
    }

    [Fact]
    public async Task A_period_is_kept_and_brought_up_to_date_however_full_the_memory_cache_is_and_dropped_once_nobody_asks_for_it()
    {
        var clock = Clocks.Fixed();
        var (from, to) = (Clocks.Today.AddDays(30), Clocks.Today.AddDays(60));
        await using var services = TestServices.For(_database, clock, TestUser.Recruiter);
        // Other answers fill the size-limited cache, as lists, counts and other periods do at national scale.
        services.GetRequiredService<IMemoryCache>().Set("everything else", new object(), new MemoryCacheEntryOptions { Size = 2_000_000 });
        var busy = services.GetRequiredService<BookedWorkers>();
        var first = await ReadAsync(services, busy, from, to);

        var booked = await BookAsync(services, from, to);
        clock.Advance(TimeSpan.FromSeconds(20));
        var second = await ReadAsync(services, busy, from, to);

        second.ReadAt.ShouldBe(first.ReadAt, "brought up to date from the booking, not read whole again");
        second.Workers.ShouldContain(booked.WorkerId);
        busy.Periods.ShouldBe(1);

        clock.Advance(TimeSpan.FromMinutes(2));
        await ReadAsync(services, busy, to.AddDays(1), to.AddDays(2));
        busy.Periods.ShouldBe(1, "the first period, unasked for two minutes, is dropped");
    }

    private static async Task<BookedSet> ReadAsync(ServiceProvider services, BookedWorkers busy, DateOnly from, DateOnly to)
    {
        await using var scope = services.CreateAsyncScope();
        return await busy.GetAsync(from, to, scope.ServiceProvider.GetRequiredService<IReadRepository<Placement>>(), default);
    }

    private async Task<Placement> BookAsync(ServiceProvider services, DateOnly start, DateOnly end) =>
        await AppSaves.BookAsync(services, _database, A.Requisition().In(_reference.Area.Id, _reference.Role.Id, _reference.Manager.Id).Open(),
            A.Worker().SuppliedBy(_reference.Agency.Id).WithChecks().Build(), start, end);
}
