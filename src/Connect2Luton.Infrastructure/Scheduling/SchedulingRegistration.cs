using Connect2Luton.Application.Jobs;
using Connect2Luton.Infrastructure.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Quartz;

namespace Connect2Luton.Infrastructure.Scheduling;

internal static class SchedulingRegistration
{
    /// <summary>
    /// Quartz, started and stopped with the app, running the two nightly jobs on their configured schedules. Its
    /// state is kept in the app's own database (SQLite, or SQL Server with clustering for several nodes), in tables
    /// Quartz creates itself; a night missed while the app was down is caught up once when it starts again.
    /// </summary>
    public static IServiceCollection AddScheduling(this IServiceCollection services, IConfiguration configuration, DatabaseOptions database, string connectionString)
    {
        services.AddOptions<NightlyJobsOptions>()
            .Bind(configuration.GetSection(NightlyJobsOptions.Section))
            .Validate(o => TimeZoneInfo.TryFindSystemTimeZoneById(o.TimeZone, out _), "Scheduling:TimeZone must be a time zone this machine knows, such as Europe/London.")
            .Validate(o => JobNames.All.All(job => CronExpression.TryParse(o.CronFor(job), out _)), "Scheduling: each job's schedule must be a Quartz cron expression, such as \"0 30 2 * * ?\".")
            .Validate(o => !o.Clustered || (o.Store == JobStoreKind.Persistent && database.Provider == DatabaseProvider.SqlServer), "Scheduling:Clustered needs the persistent store on SQL Server.")
            .Validate(o => o.BatchSize is >= 1 and <= 10_000, "Scheduling:BatchSize must be between 1 and 10000.")
            .ValidateOnStart();
        var options = configuration.GetSection(NightlyJobsOptions.Section).Get<NightlyJobsOptions>() ?? new NightlyJobsOptions();

        services.AddSingleton(provider => new NightlyRunner(
            provider.GetRequiredService<IServiceScopeFactory>(), provider.GetRequiredService<TimeProvider>()) { BatchSize = provider.GetRequiredService<IOptions<NightlyJobsOptions>>().Value.BatchSize });
        services.AddSingleton<IJobScheduler, QuartzJobScheduler>();
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

            var zone = Zone(options);
            foreach (var jobName in JobNames.All)
            {
                AddJob(quartz, jobName);
                quartz.AddTrigger(trigger => Schedule(trigger, jobName, options.CronFor(jobName), zone));
            }
        });
        // Quartz takes the app's TimeProvider from the container, so a test's fake clock is the scheduler's too.
        // Declared jobs and triggers never replace stored ones, so a stored next firing in the past (a missed night)
        // survives the restart and misfires into one catch-up run; ScheduleReconciler applies changed schedules.
        services.Configure<QuartzOptions>(quartz => quartz.Scheduling.IgnoreDuplicates = true);
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

    private static void AddJob(IQuartzBuilder quartz, string jobName)
    {
        // A run that was going when the app died is run again when it comes back (RequestRecovery).
        void Configure<TJob>(IJobConfigurator<TJob> job) where TJob : IJob =>
            job.WithIdentity(NightlyJobKeys.Job(jobName)).WithDescription(JobNames.Describe(jobName)).StoreDurably().RequestRecovery().DisallowConcurrentExecution();
        switch (jobName)
        {
            case JobNames.FlagLongRunningPlacements:
                quartz.AddJob<FlagLongRunningPlacementsJob>(Configure);
                break;
            case JobNames.RaiseConversionPrompts:
                quartz.AddJob<RaiseConversionPromptsJob>(Configure);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(jobName), jobName, "There is no such nightly job.");
        }
    }

    /// <summary>A job's nightly trigger: after a missed firing it fires once, straight away, then keeps to the schedule.</summary>
    public static TConfigurator Schedule<TConfigurator>(TConfigurator trigger, string jobName, string cron, TimeZoneInfo zone) where TConfigurator : ITriggerConfigurator<IJob>
    {
        ArgumentNullException.ThrowIfNull(trigger);
        trigger.WithIdentity(NightlyJobKeys.Schedule(jobName)).ForJob(NightlyJobKeys.Job(jobName)).WithDescription($"{JobNames.Describe(jobName)}, nightly");
        return trigger.WithCronSchedule(cron, schedule => schedule.InTimeZone(zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed));
    }

    public static ITrigger BuildSchedule(string jobName, string cron, TimeZoneInfo zone, TimeProvider clock)
    {
        var builder = TriggerBuilder.Create(clock);
        Schedule(builder, jobName, cron, zone);
        return builder.Build();
    }

    public static TimeZoneInfo Zone(NightlyJobsOptions options) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZone, out var zone) ? zone : TimeZoneInfo.Utc;
}
