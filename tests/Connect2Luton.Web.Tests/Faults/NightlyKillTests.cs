using System.Net;
using Connect2Luton.Application.Jobs;
using Connect2Luton.Web.Tests.Support;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace Connect2Luton.Web.Tests.Faults;

/// <summary>The app killed outright in the middle of a nightly run, then started again on the same database.</summary>
public sealed partial class NightlyKillTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly DatabaseFile _database = DatabaseFile.New("kill");

    // Small batches, so the run commits many times and is caught between its first commit and its last; the
    // schedule is out of the way, so the only run is the one asked for.
    private static readonly Dictionary<string, string> Settings = new()
    {
        ["Scheduling:BatchSize"] = "50",
        ["Scheduling:FlagLongRunningPlacements"] = "0 0 0 1 1 ? 2099",
        ["Scheduling:RaiseConversionPrompts"] = "0 0 0 1 1 ? 2099",
        ["Scheduling:ReleaseRequisitions"] = "0 0 0 1 1 ? 2099",
        // Each batch saved, and each run ended, is logged: the test acts on those lines instead of polling.
        ["Logging:LogLevel:Connect2Luton.Application.Jobs"] = "Debug",
    };

    // The volume is added to a database as the app's first start leaves it, so the seeding command only adds it.
    public Task InitializeAsync()
    {
        SeededTemplate.CopyTo(_database.Path);
        return AppProcess.RunToEndAsync(_database.Path, Settings, "--seed-volume", "6000");
    }

    public Task DisposeAsync()
    {
        _database.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Killed_during_a_nightly_run_the_restarted_app_finishes_it_with_no_flag_raised_twice()
    {
        int flagsWhenKilled;
        await using (var first = await AppProcess.StartAsync(_database.Path, Settings))
        {
            var admin = await first.SignedInAsAsync("admin@connect2luton.local");
            await RunNowAsync(admin);
            // Killed as soon as a batch that raised flags has been saved: between the run's first commit and its last.
            await first.WaitForLogAsync(BatchThatRaisedFlags().IsMatch, "a batch that raised flags", 1, TimeSpan.FromMinutes(2));
            await first.KillAsync();
            var runs = await RunsAsync();
            runs.ShouldNotContain(r => r.Status != "Running", "the run finished before it could be killed: make it longer");
            runs.ShouldHaveSingleItem();
            flagsWhenKilled = await _database.ScalarAsync("SELECT COUNT(*) FROM PlacementFlags");
            flagsWhenKilled.ShouldBeGreaterThan(0);
        }
        output.WriteLine($"Killed with {flagsWhenKilled} flags saved and the run still recorded as running.");

        await using var second = await AppProcess.StartAsync(_database.Path, Settings);
        var recovered = await WaitForAsync(runs => runs.Count == 2 && runs[1].Status != "Running", second, endedRuns: 1);

        recovered.Select(r => r.Status).ShouldBe(["Interrupted", "Succeeded"], second.Log);
        recovered[1].TriggeredBy.ShouldEndWith("(recovered after a restart)");
        var flags = await _database.ScalarAsync("SELECT COUNT(*) FROM PlacementFlags");
        flags.ShouldBeGreaterThan(flagsWhenKilled, "the recovered run flagged the placements the first did not reach");
        (await _database.ScalarAsync("SELECT COUNT(*) FROM (SELECT 1 FROM PlacementFlags WHERE ResolvedAt IS NULL GROUP BY PlacementId, Kind HAVING COUNT(*) > 1)"))
            .ShouldBe(0, "no placement is flagged twice for the same thing");

        // A third run over the same night finds nothing left to do: the recovered run missed nothing.
        await RunNowAsync(await second.SignedInAsAsync("admin@connect2luton.local"));
        var again = await WaitForAsync(runs => runs.Count == 3 && runs[2].Status != "Running", second, endedRuns: 2);
        again[2].Status.ShouldBe("Succeeded");
        again[2].FlagsRaised.ShouldBe(0);
        (await _database.ScalarAsync("SELECT COUNT(*) FROM PlacementFlags")).ShouldBe(flags);
        output.WriteLine($"Recovered: {flags} flags in all, {again[2].Scanned} placements scanned again and nothing new raised.");
    }

    private static async Task RunNowAsync(HttpClient admin)
    {
        var jobs = await admin.GetPageAsync("/Jobs");
        using var run = await admin.SubmitAsync(jobs, new Dictionary<string, string> { ["job"] = JobNames.FlagLongRunningPlacements }, "/Jobs?handler=Run");
        run.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    private sealed record Run(string Status, string TriggeredBy, int Scanned, int FlagsRaised);

    // The runs once the app has said that many runs ended (each line is logged after the run's record is saved).
    private async Task<List<Run>> WaitForAsync(Func<List<Run>, bool> done, AppProcess app, int endedRuns)
    {
        await app.WaitForLogAsync($"{JobNames.FlagLongRunningPlacements} run ended", endedRuns, TimeSpan.FromMinutes(3));
        var runs = await RunsAsync();
        done(runs).ShouldBeTrue(app.Log);
        return runs;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"placements \d+ to \d+ reviewed and saved: \d+ scanned, [1-9]\d* flags raised")]
    private static partial System.Text.RegularExpressions.Regex BatchThatRaisedFlags();

    private async Task<List<Run>> RunsAsync()
    {
        await using var connection = await _database.OpenReadOnlyAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Status, TriggeredBy, PlacementsScanned, FlagsRaised FROM JobRuns WHERE JobName = $job ORDER BY Id";
        command.Parameters.AddWithValue("$job", JobNames.FlagLongRunningPlacements);
        await using var reader = await command.ExecuteReaderAsync();
        var runs = new List<Run>();
        while (await reader.ReadAsync()) runs.Add(new Run(reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.GetInt32(3)));
        return runs;
    }
}
