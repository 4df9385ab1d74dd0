namespace Connect2Luton.Application.SupplyChain;

/// <summary>How long the first agency to put a person forward for a requisition owns them for it, as the serving release rules set it.</summary>
public interface ICandidateOwnership
{
    ValueTask<int> DaysAsync(CancellationToken cancellationToken);
}
