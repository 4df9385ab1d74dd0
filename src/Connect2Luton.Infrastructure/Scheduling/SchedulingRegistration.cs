using Connect2Luton.Application.Timesheets;
using Connect2Luton.Application.Conversions;
using Connect2Luton.Application.Jobs;
using Connect2Luton.Application.Placements.Flags;
using Connect2Luton.Application.SupplyChain;
using Connect2Luton.Infrastructure.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Connect2Luton.Infrastructure.Scheduling;

internal static class SchedulingRegistration
{
    /// <summary>
    /// Quartz, started and stopped with the app, running the registered jobs on their configured schedules. Its
    /// state is kept in the app's own database (SQLite, or SQL Server with clustering for several nodes), in tables
    /// Quartz creates itself; a night missed while the app was down is caught up once when it starts again.
    /// </summary>
    public static IServiceCollection AddScheduling(this IServiceCollection services, IConfiguration configuration, DatabaseOptions database, string connectionString)
    {
        services.AddOptions<NightlyJobsOptions>()
            .Bind(configuration.GetSection(NightlyJobsOptions.Section))
            .Validate(o => TimeZoneInfo.TryFindSystemTimeZoneById(o.TimeZone, out _), "Scheduling:TimeZone must be a time zone this machine knows, such as Europe/London.")
            .Validate(o => !o.Clustered || database.Provider == DatabaseProvider.SqlServer,
                "Scheduling:Clustered needs SQL Server (Database:Provider=SqlServer): on SQLite, let one node run the jobs and set Scheduling:RunJobs=false on the others.")
            .Validate(o => !o.Clustered || o.Store == JobStoreKind.Persistent,
                "Scheduling:Clustered needs the persistent store (Scheduling:Store=Persistent): the nodes share the schedule through the database.")
            .Validate(o => !o.Clustered || o.RunJobs,
                "Scheduling:Clustered=true runs the jobs on every node, one firing each, and Scheduling:RunJobs=false runs none on this one: set one or the other.")
            .Validate(o => o.BatchSize is >= 1 and <= 10_000, "Scheduling:BatchSize must be between 1 and 10000.")
            .ValidateOnStart();
        var options = configuration.GetSection(NightlyJobsOptions.Section).Get<NightlyJobsOptions>() ?? new NightlyJobsOptions();

        services.AddSingleton(provider => new NightlyRunner(
            provider.GetRequiredService<IServiceScopeFactory>(), provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<NightlyRunner>>()) { BatchSize = provider.GetRequiredService<IOptions<NightlyJobsOptions>>().Value.BatchSize });
        services.AddSingleton<JobSchedules>();
        // The two nightly sweeps the product ships with; a host adds its own jobs the same way.
        services.AddScheduledJob(new ScheduledJob(JobNames.FlagLongRunningPlacements, "Flag long-running placements", "0 30 2 * * ?", "FlagLongRunningPlacements",
            async (provider, by, cancellationToken) => await provider.GetRequiredService<NightlyRunner>().RunAsync<PlacementFlagReview>(by, cancellationToken)));
        services.AddScheduledJob(new ScheduledJob(JobNames.RaiseConversionPrompts, "Raise permanent-conversion prompts", "0 30 2 * * ?", "RaiseConversionPrompts",
            async (provider, by, cancellationToken) => await provider.GetRequiredService<NightlyRunner>().RunAsync<ConversionPromptReview>(by, cancellationToken)));
        services.AddSingleton(provider => new ScheduledRelease(
            provider.GetRequiredService<IServiceScopeFactory>(), provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<ScheduledRelease>>()) { BatchSize = provider.GetRequiredService<IOptions<NightlyJobsOptions>>().Value.BatchSize });
        // Every 15 minutes: it decides "now", so a firing missed while the app was down is caught up by the next.
        services.AddScheduledJob(new ScheduledJob(JobNames.ReleaseRequisitions, "Release requisitions to agencies", "0 0/15 * * * ?", "ReleaseRequisitions",
            async (provider, by, cancellationToken) => await provider.GetRequiredService<ScheduledRelease>().RunAsync(by, cancellationToken))
        {
            Figures = new JobRunFigures("Requisitions", "Tiers released", "Agencies reached", Resolves: false),
        });
        services.AddSingleton(provider => new TimesheetReminders(
            provider.GetRequiredService<IServiceScopeFactory>(), provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<ILogger<TimesheetReminders>>()));
        // Monday at nine: last week is over, and people are at work to send what is missing.
        services.AddScheduledJob(new ScheduledJob(JobNames.TimesheetReminders, "Remind of timesheets not sent", "0 0 9 ? * MON", "TimesheetReminders",
            async (provider, by, cancellationToken) => await provider.GetRequiredService<TimesheetReminders>().RunAsync(by, cancellationToken))
        {
            Figures = new JobRunFigures("Placements live last week", "Without hours sent", "Emails queued", Resolves: false),
        });
        if (!options.RunJobs)
        {
            // No Quartz at all, so this node neither fires a job nor touches the stored schedule the other node runs.
            services.AddSingleton<IJobScheduler, JobsRunElsewhere>();
            services.AddHealthChecks().AddCheck<NoSchedulerHealthCheck>("scheduler");
            return services;
        }
        services.AddSingleton<IJobScheduler, QuartzJobScheduler>();
        services.AddHealthChecks().AddQuartz(o => o.Name = "scheduler");
        services.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(scheduler =>
            {
                scheduler.InstanceName = "Connect2Luton";
                // Clustered nodes need their own ids; a single node keeps the fixed one so its stored state is its own.
                scheduler.GenerateInstanceId = options.Clustered;
                // On shutdown a running job is asked to stop (it stops between batches and records that it did).
                scheduler.ShutdownJobInterruption = ShutdownJobInterruption.Always;
            });
            if (options.Store == JobStoreKind.Persistent) quartz.UsePersistentStore(store => Store(store, database, connectionString, options));
            else quartz.UseInMemoryStore();
        });
        // Quartz takes the app's TimeProvider from the container, so a test's fake clock is the scheduler's too.
        // The registered jobs are put into the scheduler at start by ScheduleReconciler, before it starts: a stored
        // trigger whose schedule has not changed is kept, so a missed night (a next firing in the past) survives the
        // restart and misfires into one catch-up run.
        services.AddHostedService<ScheduleReconciler>();
        // Started with the host rather than after it (the database is migrated before the host starts), so the app
        // serves its first request, health included, with the scheduler already running.
        services.AddQuartzHostedService(hosted =>
        {
            hosted.WaitForJobsToComplete = true;
            hosted.AwaitApplicationStarted = false;
        });
        return services;
    }

    private static void Store(IPersistentStoreBuilder store, DatabaseOptions database, string connectionString, NightlyJobsOptions options)
    {
        if (database.Provider == DatabaseProvider.SqlServer)
        {
            store.UseSqlServer(connectionString);
            if (options.Clustered) store.UseClustering();
        }
        else
        {
            store.UseSqlite(connectionString);
        }
        store.UseSystemTextJsonSerializer();
        store.ProvisionSchema();
    }

    /// <summary>A job's trigger: after a missed firing it fires once, straight away, then keeps to the schedule.</summary>
    public static ITrigger BuildSchedule(ScheduledJob job, string cron, TimeZoneInfo zone, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(job);
        return TriggerBuilder.Create(clock)
            .WithIdentity(NightlyJobKeys.Schedule(job.Name)).ForJob(NightlyJobKeys.Job(job.Name)).WithDescription($"{job.DisplayName}, on its schedule")
            .WithCronSchedule(cron, schedule => schedule.InTimeZone(zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
            .Build();
    }
}
