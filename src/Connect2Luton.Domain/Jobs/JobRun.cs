using System.Text;
using Connect2Luton.Domain.Common;

namespace Connect2Luton.Domain.Jobs;

/// <summary>One run of a nightly job: what it looked at, what it changed, and what went wrong.</summary>
public sealed class JobRun : AggregateRoot
{
    private const int ErrorLogLimit = Limits.LongText;

    private JobRun() { JobName = TriggeredBy = string.Empty; }

    public JobRun(string jobName, DateOnly businessDate, string triggeredBy, DateTimeOffset startedAt)
    {
        JobName = Guard.Required(jobName, Limits.Name, "The job name");
        BusinessDate = businessDate;
        TriggeredBy = Guard.Required(triggeredBy, Limits.Actor, "Who or what triggered the run");
        StartedAt = startedAt;
        Status = JobRunStatus.Running;
    }

    public string JobName { get; private set; }

    /// <summary>The day the run evaluates ("as of"), so a re-run of the same night is recognised.</summary>
    public DateOnly BusinessDate { get; private set; }
    public string TriggeredBy { get; private set; }
    public DateTimeOffset StartedAt { get; private set; }
    public DateTimeOffset? FinishedAt { get; private set; }
    public JobRunStatus Status { get; private set; }
    public int PlacementsScanned { get; private set; }
    public int FlagsRaised { get; private set; }
    public int FlagsResolved { get; private set; }
    public int PromptsRaised { get; private set; }
    public int Failures { get; private set; }
    public string? ErrorLog { get; private set; }

    public void RecordBatch(int scanned, int flagsRaised, int flagsResolved, int promptsRaised)
    {
        RequireRunning();
        PlacementsScanned += Guard.NotNegativeCount(scanned);
        FlagsRaised += Guard.NotNegativeCount(flagsRaised);
        FlagsResolved += Guard.NotNegativeCount(flagsResolved);
        PromptsRaised += Guard.NotNegativeCount(promptsRaised);
    }

    public void RecordFailure(string what)
    {
        RequireRunning();
        Failures++;
        // The log is capped: a run that fails on every placement must not grow one row without bound.
        var log = new StringBuilder(ErrorLog);
        if (log.Length < ErrorLogLimit) log.AppendLine(what);
        ErrorLog = log.Length > ErrorLogLimit ? log.ToString(0, ErrorLogLimit) : log.ToString();
    }

    public void Finish(DateTimeOffset at)
    {
        RequireRunning();
        FinishedAt = at;
        Status = Failures == 0 ? JobRunStatus.Succeeded : JobRunStatus.CompletedWithErrors;
    }

    public void Fail(DateTimeOffset at, string error)
    {
        RequireRunning();
        RecordFailure(error);
        FinishedAt = at;
        Status = JobRunStatus.Failed;
    }

    public void Cancel(DateTimeOffset at)
    {
        RequireRunning();
        FinishedAt = at;
        Status = JobRunStatus.Cancelled;
    }

    /// <summary>Closes a run the app never finished, found still running by a later one.</summary>
    public void Interrupt(DateTimeOffset at)
    {
        RequireRunning();
        FinishedAt = at;
        Status = JobRunStatus.Interrupted;
    }

    private void RequireRunning()
    {
        if (Status != JobRunStatus.Running) throw new DomainRuleException("This job run has already finished.");
    }
}
