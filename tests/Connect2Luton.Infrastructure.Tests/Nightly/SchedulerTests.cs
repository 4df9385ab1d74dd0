using Connect2Luton.Application;
using Connect2Luton.Application.Jobs;
using Connect2Luton.Domain.Jobs;
using Connect2Luton.Infrastructure.Persistence;
using Connect2Luton.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Connect2Luton.Infrastructure.Tests.Nightly;

/// <summary>
/// The real Quartz scheduler in a real host, keeping its schedule in the test's SQLite database, as the app does:
/// stop the host, move the stored next firing into the past as a night the app was down for, start it again.
/// </summary>
public sealed class SchedulerTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private SqliteTestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await SqliteTestDatabase.CreateAsync();
        var data = await NightlyData.CreateAsync(_database);
        await data.PlacementStartingAsync(Clocks.Today.AddDays(-7 * 20));
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task A_night_missed_while_the_app_was_down_is_caught_up_once_and_the_schedule_carries_on()
    {
        using (var first = Host())
        {
            // The schedules are stored before the host has started (ScheduleReconciler).
            await first.StartAsync();
            await using (var db = _database.CreateContext())
                (await db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM QRTZ_TRIGGERS").SingleAsync()).ShouldBe(4, "the two nightly jobs, the release and the timesheet reminders");
            await first.StopAsync();
        }
        await using (var db = _database.CreateContext())
        {
            (await db.JobRuns.CountAsync()).ShouldBe(0, "nothing is due before 02:30");
            // Three nights ago: the app was down at 02:30 since. (Quartz reads the app's clock, fixed here.)
            var missed = Clocks.Now.AddDays(-3).UtcTicks;
            await db.Database.ExecuteSqlAsync($"UPDATE QRTZ_TRIGGERS SET NEXT_FIRE_TIME = {missed} WHERE JOB_NAME IN ({JobNames.FlagLongRunningPlacements}, {JobNames.RaiseConversionPrompts})");
        }

        using var second = Host();
        await using (var caughtUp = await JobsFinishing.ExpectAsync(second.Services, JobNames.FlagLongRunningPlacements, JobNames.RaiseConversionPrompts))
        {
            await second.StartAsync();
            await caughtUp.WithinAsync(Patience);
        }
        await second.StopAsync();

        await using var read = _database.CreateContext();
        var runs = await read.JobRuns.ToListAsync();
        runs.Select(r => r.JobName).Order().ShouldBe(new[] { JobNames.FlagLongRunningPlacements, JobNames.RaiseConversionPrompts }.Order(), "one catch-up run of each job, not one per missed night");
        runs.ShouldAllBe(r => r.TriggeredBy == "schedule" && r.PlacementsScanned == 1);
        var next = await read.Database.SqlQueryRaw<long>("SELECT NEXT_FIRE_TIME AS \"Value\" FROM QRTZ_TRIGGERS WHERE JOB_NAME IN ('flag-long-running-placements', 'raise-conversion-prompts')").ToListAsync();
        next.ShouldAllBe(ticks => ticks > Clocks.Now.UtcTicks, "after catching up, the next firing is a night still to come");
    }

    [Fact]
    public async Task Run_now_runs_a_job_once_and_a_second_request_waits_for_the_first_to_finish()
    {
        using var host = Host();
        await host.StartAsync();
        var scheduler = host.Services.GetRequiredService<IJobScheduler>();

        await using (var both = await JobsFinishing.ExpectAsync(host.Services, JobNames.FlagLongRunningPlacements, JobNames.FlagLongRunningPlacements))
        {
            await scheduler.RunNowAsync(JobNames.FlagLongRunningPlacements, "admin@test.local", default);
            await scheduler.RunNowAsync(JobNames.FlagLongRunningPlacements, "admin@test.local", default);
            await both.WithinAsync(Patience);
        }
        await host.StopAsync();

        await using var read = _database.CreateContext();
        var runs = await read.JobRuns.OrderBy(r => r.StartedAt).ToListAsync();
        runs.ShouldAllBe(r => r.TriggeredBy == "admin@test.local");
        runs[1].StartedAt.ShouldBeGreaterThanOrEqualTo(runs[0].FinishedAt!.Value, "[DisallowConcurrentExecution]: never two runs of a job at once");
        (await read.PlacementFlags.CountAsync()).ShouldBe(1, "the AWR flag, raised once: the second run found nothing new");
    }

    [Fact]
    public async Task A_schedule_changed_in_configuration_replaces_the_stored_one_at_start()
    {
        using (var first = Host())
        {
            await first.StartAsync();
            await first.StopAsync();
        }

        using var second = Host(flagAt: "0 15 4 * * ?");
        await second.StartAsync();
        var schedules = second.Services.GetRequiredService<IJobScheduler>();
        var flag = await schedules.ScheduleOfAsync(JobNames.FlagLongRunningPlacements, default);
        var prompts = await schedules.ScheduleOfAsync(JobNames.RaiseConversionPrompts, default);
        await second.StopAsync();

        flag.Description.ShouldBe("every night at 04:15, UK time");
        flag.NextFireTime.ShouldBe(new DateTimeOffset(2026, 11, 24, 4, 15, 0, TimeSpan.Zero), "the next 04:15 in London after the fixed clock's Monday morning");
        prompts.Description.ShouldBe("every night at 02:30, UK time");
    }

    private IHost Host(string? flagAt = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:ConnectionString"] = _database.ConnectionString,
            ["Rules:Directory"] = RuleFiles.RepositoryDirectory,
            ["Rules:WatchFiles"] = "false",
            ["Scheduling:FlagLongRunningPlacements"] = flagAt ?? "0 30 2 * * ?",
            // Every 15 minutes would fire at the fixed clock's 10:00 as the host starts: out of the way here.
            ["Scheduling:ReleaseRequisitions"] = "0 0 0 1 1 ? 2099",
        });
        builder.Logging.ClearProviders();
        builder.Services.AddApplication();
        builder.Services.AddInfrastructure(builder.Configuration, builder.Environment);
        builder.Services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clocks.Fixed()));
        return builder.Build();
    }
}
