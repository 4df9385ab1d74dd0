using Connect2Luton.Application.Jobs;

namespace Connect2Luton.Application.Tests.Jobs;

public sealed class NightlyRunTests
{
    private static readonly DateOnly Today = new(2026, 12, 2);

    [Fact]
    public async Task Facts_that_repeat_are_decided_once_each_for_a_version_of_the_rules()
    {
        var run = new NightlyRun(Today);
        var decided = 0;

        for (var i = 0; i < 20_000; i++)
            await run.DecideOnceAsync("v1", new Facts(i % 100), Decide);
        await run.DecideOnceAsync("v2", new Facts(0), Decide);

        decided.ShouldBe(101);

        ValueTask<string> Decide(Facts facts) => ValueTask.FromResult($"decision {++decided} for {facts.Weeks}");
    }

    [Fact]
    public async Task A_run_whose_facts_seldom_repeat_stops_remembering_and_still_decides_each_placement()
    {
        var run = new NightlyRun(Today);
        var decided = 0;

        for (var i = 0; i < 10_000; i++)
            (await run.DecideOnceAsync("v1", new Facts(i), Decide)).ShouldBe($"weeks {i}");
        // Facts that now repeat are decided every time, the same way: the run no longer holds decisions.
        for (var i = 0; i < 100; i++)
            (await run.DecideOnceAsync("v1", new Facts(-1), Decide)).ShouldBe("weeks -1");

        decided.ShouldBe(10_100);

        ValueTask<string> Decide(Facts facts)
        {
            decided++;
            return ValueTask.FromResult($"weeks {facts.Weeks}");
        }
    }

    private sealed record Facts(int Weeks);
}
