using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Application.Common.Time;
using Connect2Luton.Application.Jobs;
using Connect2Luton.Domain.Jobs;
using Connect2Luton.Domain.Requisitions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Connect2Luton.Application.SupplyChain;

/// <summary>How a run of the scheduled release ended, what it did, and the agencies each requisition reached for the first time.</summary>
public sealed record ReleaseRunResult(int RunId, JobRunStatus Status, ReleaseCounts Counts, int Failures, IReadOnlyList<AgenciesReached> Reached);

/// <summary>
/// The scheduled release (every 15 minutes, and run now from /Jobs): every approved or open requisition with
/// workers still to place, decided by the release rules as at the moment the run starts, released to each tier the
/// rules now allow. It decides "now" rather than "since the last run", so a run missed while the app was down is
/// caught up by the next, and a run repeated finds nothing new. Batches of requisition ids, each a unit of work;
/// a batch that fails is taken one requisition at a time, and a requisition that fails is recorded on the run
/// without stopping it. Its run is recorded with the others at /Jobs.
/// </summary>
public sealed partial class ScheduledRelease(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ScheduledRelease> logger)
{
    /// <summary>Requisitions per unit of work.</summary>
    public int BatchSize { get; init; } = 1_000;

    public async Task<ReleaseRunResult> RunAsync(string triggeredBy, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        // Recorded even when the app is already stopping, so the jobs page says the run was cancelled.
        var runId = await InScopeAsync(s => StartAsync(s, triggeredBy, now, CancellationToken.None));
        var counts = ReleaseCounts.None;
        var reached = new List<AgenciesReached>();
        var failures = new List<string>();
        try
        {
            var context = await InScopeAsync(s => s.GetRequiredService<ReleaseContexts>().ReadAsync(now, cancellationToken));
            var afterId = 0;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var batch = await InScopeAsync(s => s.GetRequiredService<IReadRepository<Requisition>>().ListAsync(new ReleasableRequisitionsSpec(afterId, BatchSize), cancellationToken));
                if (batch.Count == 0) break;
                var done = await ReleaseBatchAsync(batch, context, failures, cancellationToken);
                counts += done.Counts;
                reached.AddRange(done.Reached);
                afterId = batch[^1].Id;
            }
            return await FinishAsync(runId, counts, failures, reached, run => run.Finish(clock.GetUtcNow()));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: what is saved stays; the next run decides again and finds it done.
            return await FinishAsync(runId, counts, failures, reached, run => run.Cancel(clock.GetUtcNow()));
        }
#pragma warning disable CA1031 // Whatever stopped the run is kept on its record for the jobs page, then passed on to the scheduler.
        catch (Exception error)
#pragma warning restore CA1031
        {
            await FinishAsync(runId, counts, failures, reached, run => run.Fail(clock.GetUtcNow(), $"The run stopped: {error.Message}"));
            throw;
        }
    }

    private async Task<ReleaseBatchResult> ReleaseBatchAsync(
        IReadOnlyList<ReleasableRequisition> batch, ReleaseContext context, List<string> failures, CancellationToken cancellationToken)
    {
        try
        {
            return await InScopeAsync(s => s.GetRequiredService<ReleaseBatch>().ReleaseAsync(batch, context, cancellationToken));
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var counts = ReleaseCounts.None;
            var reached = new List<AgenciesReached>();
            foreach (var requisition in batch)
            {
                cancellationToken.ThrowIfCancellationRequested();
                try
                {
                    var done = await InScopeAsync(s => s.GetRequiredService<ReleaseBatch>().ReleaseAsync([requisition], context, cancellationToken));
                    counts += done.Counts;
                    reached.AddRange(done.Reached);
                }
                catch (Exception single) when (single is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    // Left as it was: the next run decides it again.
                    failures.Add($"Requisition {requisition.Id}: {single.Message}");
                    counts += new ReleaseCounts(1);
                }
            }
            return new ReleaseBatchResult(counts, reached);
        }
    }

    private static async Task<int> StartAsync(IServiceProvider scope, string triggeredBy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var runs = scope.GetRequiredService<IRepository<JobRun>>();
        // One run of a job at a time: one still marked running died with the app.
        foreach (var stale in await runs.ListAsync(new UnfinishedRunsSpec(JobNames.ReleaseRequisitions), cancellationToken)) stale.Interrupt(now);
        var run = new JobRun(JobNames.ReleaseRequisitions, DateOnly.FromDateTime(UkClock.InUk(now).DateTime), triggeredBy, now);
        runs.Add(run);
        await SaveAsync(scope, cancellationToken);
        return run.Id;
    }

    // Saved whatever the caller's token says: a run cancelled at shutdown still records that it was.
    private async Task<ReleaseRunResult> FinishAsync(int runId, ReleaseCounts counts, List<string> failures, List<AgenciesReached> reached, Action<JobRun> finish) =>
        await InScopeAsync(async s =>
        {
            var run = (await s.GetRequiredService<IRepository<JobRun>>().GetByIdAsync(runId, CancellationToken.None))!;
            // A job run keeps three counts whatever the job; the release's registration heads them (ScheduledJob.Figures).
            run.RecordBatch(counts.Checked, counts.TiersReleased, 0, counts.AgenciesReached);
            foreach (var failure in failures) run.RecordFailure(failure);
            finish(run);
            await SaveAsync(s, CancellationToken.None);
            LogFinished(logger, run.Status, counts.Checked, counts.TiersReleased, counts.AgenciesReached, run.Failures);
            return new ReleaseRunResult(run.Id, run.Status, counts, run.Failures, reached);
        });

    private static async Task SaveAsync(IServiceProvider scope, CancellationToken cancellationToken)
    {
        var saved = await scope.GetRequiredService<IUnitOfWork>().SaveChangesAsync(cancellationToken);
        if (saved.IsConflict) throw new InvalidOperationException($"The release run's record could not be saved: {saved.Conflict}");
    }

    private async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    // Said once the run's record is saved, so whoever watches the logs (and a test) knows the jobs page has it.
    [LoggerMessage(Level = LogLevel.Information, Message = "release-requisitions run ended {Status}: {Checked} requisitions checked, {Tiers} tiers released, {Agencies} agencies reached, {Failures} failures")]
    private static partial void LogFinished(ILogger logger, JobRunStatus status, int @checked, int tiers, int agencies, int failures);
}
