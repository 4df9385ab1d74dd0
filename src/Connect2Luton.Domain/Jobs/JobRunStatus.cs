namespace Connect2Luton.Domain.Jobs;

public enum JobRunStatus
{
    Running,
    Succeeded,

    /// <summary>Finished, but some placements could not be processed; each is in the error log.</summary>
    CompletedWithErrors,
    Failed,
    Cancelled,

    /// <summary>The app stopped during the run (a crash or a kill); a later run picks up what it left.</summary>
    Interrupted,
}
