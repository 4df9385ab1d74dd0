using Quartz;
using Shouldly;
using Microsoft.Extensions.DependencyInjection;

namespace Connect2Luton.Testing.Database;

/// <summary>
/// Runs of scheduled jobs the test is about to start, awaited on the real scheduler's own "job was executed"
/// event rather than by reading the jobs table until it changes. Start waiting before asking for the runs.
/// </summary>
public sealed class JobsFinishing : IJobListener, IAsyncDisposable
{
    private readonly IScheduler _scheduler;
    private readonly Dictionary<string, int> _awaited;
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private JobsFinishing(IScheduler scheduler, IEnumerable<string> jobNames)
    {
        _scheduler = scheduler;
        _awaited = jobNames.GroupBy(n => n).ToDictionary(g => g.Key, g => g.Count());
    }

    public string Name { get; } = $"test-{Guid.NewGuid():N}";

    /// <summary>Waits for one run of each job named (a name given twice waits for two).</summary>
    public static async Task<JobsFinishing> ExpectAsync(IServiceProvider services, params string[] jobNames)
    {
        var scheduler = await services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var finishing = new JobsFinishing(scheduler, jobNames);
        scheduler.ListenerManager.AddJobListener(finishing, [GroupMatcher<JobKey>.AnyGroup()]);
        return finishing;
    }

    public async Task WithinAsync(TimeSpan timeout)
    {
        try
        {
            await _done.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            lock (_awaited) throw new ShouldAssertException($"Jobs still not run within {timeout.TotalSeconds:0} s: {string.Join(", ", _awaited.Where(a => a.Value > 0).Select(a => a.Key))}");
        }
    }

    public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        lock (_awaited)
        {
            if (_awaited.TryGetValue(context.JobDetail.Key.Name, out var left) && left > 0) _awaited[context.JobDetail.Key.Name] = left - 1;
            if (_awaited.Values.All(v => v == 0)) _done.TrySetResult();
        }
        return ValueTask.CompletedTask;
    }

    public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask DisposeAsync()
    {
        _scheduler.ListenerManager.RemoveJobListener(Name);
        return ValueTask.CompletedTask;
    }
}
