using System.Globalization;
using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Application.Common.Specifications;
using Connect2Luton.Application.Common.Time;
using Connect2Luton.Application.Email;
using Connect2Luton.Application.Jobs;
using Connect2Luton.Domain.Jobs;
using Connect2Luton.Domain.SupplyAgencies;
using Connect2Luton.Domain.Timesheets;
using Connect2Luton.Domain.Workers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Connect2Luton.Application.Timesheets;

/// <summary>
/// The weekly reminder (Monday morning, and run now from /Jobs): every placement live last week with no hours sent
/// for it. Where email is set up, each of those workers is emailed a link to their week, and each agency's staff one
/// email listing their workers still to send. The list itself is at /Timesheets/Missing, on the worker's own page and in the agency's timesheets,
/// worked out as it stands whenever read; this run is what goes out, recorded with the other jobs.
/// </summary>
public sealed partial class TimesheetReminders(IServiceScopeFactory scopes, TimeProvider clock, ILogger<TimesheetReminders> logger)
{
    public int BatchSize { get; init; } = MissingTimesheets.BatchSize;

    /// <summary>How many of an agency's workers its email names; the rest are counted.</summary>
    public const int NamedInAgencyEmail = 25;

    public async Task<JobRunStatus> RunAsync(string triggeredBy, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var week = TimesheetWeek.MondayOf(clock.Today()).AddDays(-7);
        var runId = await InScopeAsync(s => StartAsync(s, triggeredBy, now));
        var (read, missing, emailed) = (0, 0, 0);
        var byAgency = new Dictionary<int, List<string>>();
        try
        {
            var afterId = 0;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var (found, batchRead, last, sent) = await InScopeAsync(s => RemindBatchAsync(s, week, afterId, byAgency, cancellationToken));
                if (last == 0) break;
                (read, missing, emailed, afterId) = (read + batchRead, missing + found, emailed + sent, last);
            }
            emailed += await InScopeAsync(s => TellAgenciesAsync(s, week, byAgency, cancellationToken));
            return await FinishAsync(runId, read, missing, emailed, run => run.Finish(clock.GetUtcNow()));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return await FinishAsync(runId, read, missing, emailed, run => run.Cancel(clock.GetUtcNow()));
        }
#pragma warning disable CA1031 // Whatever stopped the run is kept on its record for the jobs page, then passed on to the scheduler.
        catch (Exception error)
#pragma warning restore CA1031
        {
            await FinishAsync(runId, read, missing, emailed, run => run.Fail(clock.GetUtcNow(), $"The run stopped: {error.Message}"));
            throw;
        }
    }

    /// <summary>One batch: its missing weeks found, their workers emailed (saved with the batch), their agencies noted for the end.</summary>
    private static async Task<(int Missing, int Read, int LastId, int Emailed)> RemindBatchAsync(
        IServiceProvider scope, DateOnly week, int afterId, Dictionary<int, List<string>> byAgency, CancellationToken cancellationToken)
    {
        var missingTimesheets = scope.GetRequiredService<MissingTimesheets>();
        var (missing, read, last) = await missingTimesheets.BatchAsync(week, null, afterId, MissingTimesheets.BatchSize, cancellationToken);
        if (last == 0 || missing.Count == 0) return (0, read, last, 0);
        var named = await missingTimesheets.NameAsync(missing, cancellationToken);
        var kinds = (await scope.GetRequiredService<Common.ReferenceNames>().SupplyAgenciesAsync(cancellationToken)).ToDictionary(a => a.Id, a => a.Kind);
        foreach (var row in named.Where(r => kinds.GetValueOrDefault(r.Placement.SupplyAgencyId) != SupplyAgencyKind.InHousePool))
            (byAgency.TryGetValue(row.Placement.SupplyAgencyId, out var names) ? names : byAgency[row.Placement.SupplyAgencyId] = []).Add(row.Worker);

        var outbox = scope.GetRequiredService<IOutbox>();
        if (!outbox.Sends) return (missing.Count, read, last, 0);
        var emails = (await scope.GetRequiredService<IReadRepository<Worker>>().ListAsync(new WorkerEmailsSpec([.. missing.Select(m => m.WorkerId).Distinct()]), cancellationToken))
            .ToDictionary(w => w.Id, w => w.Email);
        var sent = 0;
        foreach (var row in missing)
        {
            if (emails.GetValueOrDefault(row.WorkerId) is not { Length: > 0 } email) continue;
            outbox.Queue(new EmailMessage([email], $"Your hours for the week of {Day(week)} are not in yet",
                $"Your timesheet for the week of {Day(week)} has not been sent to your manager.\n\n" +
                $"If you sign in to Connect2Luton, enter and send your hours here:\n{outbox.LinkTo($"/Me/Timesheets/{row.Id}/{week:yyyy-MM-dd}")}\n\n" +
                "If you do not, send them to your agency or your recruiter, who will enter them for you."));
            sent++;
        }
        var saved = await scope.GetRequiredService<IUnitOfWork>().SaveChangesAsync(cancellationToken);
        if (saved.IsConflict) throw new InvalidOperationException($"The reminders could not be saved: {saved.Conflict}");
        return (missing.Count, read, last, sent);
    }

    /// <summary>One email to each agency's staff: its workers with last week's hours not in, named up to a number and counted beyond.</summary>
    private static async Task<int> TellAgenciesAsync(IServiceProvider scope, DateOnly week, Dictionary<int, List<string>> byAgency, CancellationToken cancellationToken)
    {
        var outbox = scope.GetRequiredService<IOutbox>();
        if (!outbox.Sends || byAgency.Count == 0) return 0;
        var staff = await scope.GetRequiredService<IEmailRecipients>().OfAgenciesAsync([.. byAgency.Keys], cancellationToken);
        var sent = 0;
        foreach (var (agency, workers) in byAgency)
        {
            if (!staff.TryGetValue(agency, out var recipients) || recipients.Count == 0) continue;
            var names = string.Join("\n", workers.Order(StringComparer.CurrentCulture).Take(NamedInAgencyEmail).Select(n => $"- {n}"));
            var more = workers.Count > NamedInAgencyEmail ? $"\n...and {(workers.Count - NamedInAgencyEmail).ToString("N0", CultureInfo.InvariantCulture)} more." : string.Empty;
            outbox.Queue(new EmailMessage([.. recipients.Select(r => r.Email)], $"{workers.Count.ToString("N0", CultureInfo.InvariantCulture)} of your workers' hours for the week of {Day(week)} are not in",
                $"These workers placed through your agency have not sent their hours for the week of {Day(week)}:\n{names}{more}\n\n" +
                $"Enter their hours and send them for approval in your agency's timesheets:\n{outbox.LinkTo("/Agency/Timesheets")}\n\n" +
                "Or remind them to send their hours themselves."));
            sent += recipients.Count;
        }
        var saved = await scope.GetRequiredService<IUnitOfWork>().SaveChangesAsync(cancellationToken);
        if (saved.IsConflict) throw new InvalidOperationException($"The reminders could not be saved: {saved.Conflict}");
        return sent;
    }

    private static string Day(DateOnly day) => day.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));

    private async Task<int> StartAsync(IServiceProvider scope, string triggeredBy, DateTimeOffset now)
    {
        var runs = scope.GetRequiredService<IRepository<JobRun>>();
        foreach (var stale in await runs.ListAsync(new UnfinishedRunsSpec(JobNames.TimesheetReminders), CancellationToken.None)) stale.Interrupt(now);
        var run = new JobRun(JobNames.TimesheetReminders, clock.Today(), triggeredBy, now);
        runs.Add(run);
        var saved = await scope.GetRequiredService<IUnitOfWork>().SaveChangesAsync(CancellationToken.None);
        if (saved.IsConflict) throw new InvalidOperationException($"The reminders run could not be recorded: {saved.Conflict}");
        return run.Id;
    }

    private async Task<JobRunStatus> FinishAsync(int runId, int read, int missing, int emailed, Action<JobRun> finish) =>
        await InScopeAsync(async s =>
        {
            var run = (await s.GetRequiredService<IRepository<JobRun>>().GetByIdAsync(runId, CancellationToken.None))!;
            run.RecordBatch(read, missing, 0, emailed);
            finish(run);
            var saved = await s.GetRequiredService<IUnitOfWork>().SaveChangesAsync(CancellationToken.None);
            if (saved.IsConflict) throw new InvalidOperationException($"The reminders run could not be recorded: {saved.Conflict}");
            LogFinished(logger, run.Status, read, missing, emailed);
            return run.Status;
        });

    private async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "timesheet-reminders run ended {Status}: {Read} live placements read, {Missing} without last week's hours, {Emailed} emails queued")]
    private static partial void LogFinished(ILogger logger, JobRunStatus status, int read, int missing, int emailed);
}

/// <summary>Workers' email addresses, by id.</summary>
public sealed class WorkerEmailsSpec : Specification<Worker, WorkerEmail>
{
    public WorkerEmailsSpec(IReadOnlyCollection<int> ids)
    {
        Query.Where(w => ids.Contains(w.Id));
        Query.Select(w => new WorkerEmail(w.Id, w.Email));
    }
}

public sealed record WorkerEmail(int Id, string Email);
