namespace Connect2Luton.Domain.Jobs;

public enum JobRunStatus
{
    Running,
    Succeeded,

    /// <summary>Finished, but some placements could not be processed; each is in the error log.</summary>
    CompletedWithErrors,
    Failed,
    Cancelled,
}
