using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Application.Common.Time;
using Connect2Luton.Application.Policies;
using Connect2Luton.Domain.Jobs;
using Connect2Luton.Domain.Placements;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Connect2Luton.Application.Jobs;

/// <summary>
/// Runs a nightly review over the live placements due it (<see cref="INightlyDues"/>): in batches, each in a unit of work of its own so memory stays
/// bounded and a failure costs one batch, not the night; a batch that fails is reviewed placement by placement and
/// each failure is recorded on the run without stopping it. The run's record is saved after every batch, so the
/// jobs page shows progress and a crash leaves an honest record, which the next run marks as interrupted. Reviews
/// are idempotent (they raise only what is not already open), so running twice in a night changes nothing.
/// </summary>
public sealed partial class NightlyRunner(IServiceScopeFactory scopes, TimeProvider clock, ILogger<NightlyRunner> logger)
{
    /// <summary>Placements per unit of work: large enough to read efficiently, small enough to hold in memory.</summary>
    public int BatchSize { get; init; } = 1_000;

    /// <summary>How often the run's record is brought up to date while it goes (and always at the end, and on a failure).</summary>
    private static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(5);

    public async Task<JobRunResult> RunAsync<TReview>(string triggeredBy, CancellationToken cancellationToken) where TReview : INightlyReview
    {
        var today = clock.Today();
        var jobName = JobName<TReview>();
        // The run is recorded even when the app is already stopping, so the jobs page says it was cancelled.
        var runId = await StartAsync(jobName, today, triggeredBy, CancellationToken.None);
        var totals = ReviewCounts.None;
        var run = new NightlyRun(today);
        var progress = new Progress { Since = clock.GetTimestamp() };
        try
        {
            await AgreeDueDaysAsync<TReview>(jobName, cancellationToken);
            var afterId = 0;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                // Only the placements whose decision can have changed since they were last reviewed (INightlyDues).
                var ids = await InScopeAsync(s => s.GetRequiredService<INightlyDues>().DueAfterAsync(jobName, afterId, today, BatchSize, cancellationToken));
                if (ids.Count == 0) break;
                var (counts, failures) = await ReviewBatchAsync<TReview>(ids, new PlacementRange(afterId, ids[^1]) { Due = ids }, run, cancellationToken);
                totals += counts;
                progress.Add(counts, failures);
                LogBatch(logger, jobName, ids[0], ids[^1], counts.Scanned, counts.FlagsRaised, counts.PromptsRaised);
                if (failures.Count > 0 || clock.GetElapsedTime(progress.Since) >= ProgressEvery) await RecordAsync(runId, progress, cancellationToken);
                afterId = ids[^1];
            }
            // Rules published while the run went on decided its later batches: every placement is then due next time,
            // whichever version serves by then.
            await AgreeDueDaysAsync<TReview>(jobName, cancellationToken);
            var tidied = await InScopeAsync(s => s.GetRequiredService<TReview>().TidyAsync(today, cancellationToken));
            await InScopeAsync(async s =>
            {
                await s.GetRequiredService<INightlyDues>().TidyAsync(jobName, today, cancellationToken);
                return 0;
            });
            totals += tidied with { Scanned = 0 };
            progress.Add(tidied with { Scanned = 0 }, []);
            return await FinishAsync(runId, progress, run => run.Finish(clock.GetUtcNow()), totals);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: what is done is saved; the next run starts again and finds it already done.
            return await FinishAsync(runId, progress, run => run.Cancel(clock.GetUtcNow()), totals);
        }
#pragma warning disable CA1031 // Whatever stopped the run is kept on its record for the jobs page, then passed on to the scheduler.
        catch (Exception error)
#pragma warning restore CA1031
        {
            await FinishAsync(runId, progress, run => run.Fail(clock.GetUtcNow(), $"The run stopped: {error.Message}"), totals);
            throw;
        }
    }

    /// <summary>The due days stand only for the rules serving the check now (<see cref="INightlyDues.BeginAsync"/>).</summary>
    private async Task AgreeDueDaysAsync<TReview>(string jobName, CancellationToken cancellationToken) where TReview : INightlyReview =>
        await InScopeAsync(async s =>
        {
            var loaded = await s.GetRequiredService<IRuleSetCatalogue>().LoadedAsync(cancellationToken);
            var serving = s.GetRequiredService<TReview>().RuleSetNames
                .Select(ruleSet => $"{ruleSet} {loaded.FirstOrDefault(r => r.Name == ruleSet)?.ServingVersion ?? "not serving"}");
            await s.GetRequiredService<INightlyDues>().BeginAsync(jobName, string.Join("; ", serving), cancellationToken);
            return 0;
        });

    /// <summary>What the run has done since its record was last saved.</summary>
    private sealed class Progress
    {
        public ReviewCounts Counts { get; private set; } = ReviewCounts.None;
        public List<string> Failures { get; } = [];
        public long Since { get; set; }

        public void Add(ReviewCounts counts, IEnumerable<string> failures)
        {
            Counts += counts;
            Failures.AddRange(failures);
        }

        public void Apply(JobRun run)
        {
            run.RecordBatch(Counts.Scanned, Counts.FlagsRaised, Counts.FlagsResolved, Counts.PromptsRaised);
            foreach (var failure in Failures) run.RecordFailure(failure);
            Counts = ReviewCounts.None;
            Failures.Clear();
        }
    }

    private async Task<(ReviewCounts Counts, List<string> Failures)> ReviewBatchAsync<TReview>(IReadOnlyList<int> ids, PlacementRange range, NightlyRun run, CancellationToken cancellationToken)
        where TReview : INightlyReview
    {
        try
        {
            return (await InScopeAsync(s => s.GetRequiredService<TReview>().ReviewAsync(range, run, cancellationToken)), []);
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var counts = ReviewCounts.None;
            var failures = new List<string>();
            foreach (var id in ids)
            {
                cancellationToken.ThrowIfCancellationRequested();
                try
                {
                    counts += await InScopeAsync(s => s.GetRequiredService<TReview>().ReviewAsync(PlacementRange.Only(id), run, cancellationToken));
                }
                catch (Exception single) when (single is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    failures.Add($"Placement {id}: {single.Message}");
                    counts += new ReviewCounts(Scanned: 1);
                }
            }
            return (counts, failures);
        }
    }

    private async Task<int> StartAsync(string jobName, DateOnly today, string triggeredBy, CancellationToken cancellationToken) =>
        await InScopeAsync(async s =>
        {
            var runs = s.GetRequiredService<IRepository<JobRun>>();
            var now = clock.GetUtcNow();
            // [DisallowConcurrentExecution] means no other run of this job is going: one still marked running died with the app.
            foreach (var stale in await runs.ListAsync(new UnfinishedRunsSpec(jobName), cancellationToken)) stale.Interrupt(now);
            var run = new JobRun(jobName, today, triggeredBy, now);
            runs.Add(run);
            await SaveAsync(s, cancellationToken);
            return run.Id;
        });

    private async Task RecordAsync(int runId, Progress progress, CancellationToken cancellationToken) =>
        await InScopeAsync(async s =>
        {
            var run = (await s.GetRequiredService<IRepository<JobRun>>().GetByIdAsync(runId, cancellationToken))!;
            progress.Apply(run);
            await SaveAsync(s, cancellationToken);
            progress.Since = clock.GetTimestamp();
            return 0;
        });

    // Saved whatever the caller's token says: a run cancelled at shutdown still records that it was.
    private async Task<JobRunResult> FinishAsync(int runId, Progress progress, Action<JobRun> finish, ReviewCounts totals) =>
        await InScopeAsync(async s =>
        {
            var run = (await s.GetRequiredService<IRepository<JobRun>>().GetByIdAsync(runId, CancellationToken.None))!;
            progress.Apply(run);
            finish(run);
            await SaveAsync(s, CancellationToken.None);
            LogFinished(logger, run.JobName, run.Status, totals.Scanned, totals.FlagsRaised, totals.FlagsResolved, totals.PromptsRaised, run.Failures);
            return new JobRunResult(run.Id, run.Status, totals, run.Failures);
        });

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Job}: placements {From} to {To} reviewed and saved: {Scanned} scanned, {FlagsRaised} flags raised, {PromptsRaised} prompts raised")]
    private static partial void LogBatch(ILogger logger, string job, int from, int to, int scanned, int flagsRaised, int promptsRaised);

    // Said once a run's record is saved, so whoever watches the logs (and a test) knows the jobs page has it.
    [LoggerMessage(Level = LogLevel.Information, Message = "{Job} run ended {Status}: {Scanned} placements scanned, {FlagsRaised} flags raised, {FlagsResolved} resolved, {PromptsRaised} prompts raised, {Failures} failures")]
    private static partial void LogFinished(ILogger logger, string job, JobRunStatus status, int scanned, int flagsRaised, int flagsResolved, int promptsRaised, int failures);

    private static async Task SaveAsync(IServiceProvider scope, CancellationToken cancellationToken)
    {
        var saved = await scope.GetRequiredService<IUnitOfWork>().SaveChangesAsync(cancellationToken);
        if (saved.IsConflict) throw new InvalidOperationException($"The job's run record could not be saved: {saved.Conflict}");
    }

    private async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    private string JobName<TReview>() where TReview : INightlyReview
    {
        using var scope = scopes.CreateScope();
        return scope.ServiceProvider.GetRequiredService<TReview>().JobName;
    }
}

/// <summary>How a run ended and what it changed.</summary>
public sealed record JobRunResult(int RunId, JobRunStatus Status, ReviewCounts Totals, int Failures);
