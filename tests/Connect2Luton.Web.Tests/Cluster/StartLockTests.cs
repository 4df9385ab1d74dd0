using Connect2Luton.Web.Tests.Faults;

namespace Connect2Luton.Web.Tests.Cluster;

/// <summary>Nodes started together on a new SQLite file bring it up to date one at a time, so it is seeded once.</summary>
public sealed class StartLockTests
{
    [Fact]
    public async Task A_node_started_while_another_is_bringing_the_database_up_to_date_waits_for_it_then_starts()
    {
        using var database = DatabaseFile.New("start-lock");
        var settings = new Dictionary<string, string> { ["Scheduling:RunJobs"] = "false", ["Logging:LogLevel:Connect2Luton.Infrastructure.Persistence"] = "Information" };
        // The lock another node's start holds while it migrates and seeds.
        var otherStart = new FileStream(database.Path + ".starting", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        var starting = AppProcess.StartAsync(database.Path, settings, TimeSpan.FromMinutes(5));
        bool waited, nothingMade;
        try
        {
            await Task.WhenAny(starting, Task.Delay(TimeSpan.FromSeconds(20)));
            waited = !starting.IsCompleted;
            nothingMade = !File.Exists(database.Path) || await database.ScalarAsync("SELECT COUNT(*) FROM sqlite_master") == 0;
        }
        finally
        {
            await otherStart.DisposeAsync();
        }
        await using var node = await starting;
        File.Delete(database.Path + ".starting");

        waited.ShouldBeTrue("the node waits while the other start holds the lock");
        nothingMade.ShouldBeTrue("it makes nothing meanwhile");
        node.Log.ShouldContain("Another start is bringing the database up to date");
        (await database.ScalarAsync("SELECT COUNT(*) FROM Workers")).ShouldBeGreaterThan(100, "once the lock is let go it migrates and seeds");
    }
}
