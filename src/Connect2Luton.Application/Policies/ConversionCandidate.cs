namespace Connect2Luton.Application.Policies;

/// <summary>What the conversion rules need to know about a worker's checks and wishes.</summary>
public sealed record ConversionCandidate(
    int WorkerId,
    DateOnly? RightToWorkCheckedOn,
    DateOnly? RightToWorkExpiresOn,
    DateOnly? DbsIssuedOn,
    DateOnly? DbsStatusCheckedOn,
    Domain.JobRoles.RegistrationBody? RegistrationBody,
    DateOnly? RegistrationExpiresOn,
    bool OpenToPermanentJob)
{
    public static ConversionCandidate Of(Domain.Workers.Worker worker)
    {
        ArgumentNullException.ThrowIfNull(worker);
        return new(worker.Id, worker.RightToWork?.CheckedOn, worker.RightToWork?.ExpiresOn, worker.Dbs?.IssuedOn, worker.Dbs?.StatusCheckedOn,
            worker.Registration?.Body, worker.Registration?.ExpiresOn, worker.OpenToPermanentJob);
    }
}
