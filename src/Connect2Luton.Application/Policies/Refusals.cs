using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Domain.Decisions;

namespace Connect2Luton.Application.Policies;

/// <summary>
/// Keeps the rule decisions that refused a change someone asked for. The change was not made, so nothing else is
/// saved; but how often each rule turns a booking or an extension away is what policy officers set caps and
/// limits by, and what the refusals report counts.
/// </summary>
public sealed class Refusals(IRefusalLog log, IUnitOfWork unitOfWork, ICurrentUser user, TimeProvider clock)
{
    /// <summary>The outcome every rule set that can turn a change away gives when it does.</summary>
    public const string RefusedOutcome = "Refused";

    /// <summary>Keeps those of the decisions that refused; does nothing where none did (the change failed for other reasons).</summary>
    public async Task KeepAsync(RefusedChange change, IEnumerable<PolicyDecision?> decisions, int requisitionId, int workerId, int? placementId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        var refused = decisions.OfType<PolicyDecision>().Where(d => d.Outcome == RefusedOutcome).ToList();
        if (refused.Count == 0) return;
        var now = clock.GetUtcNow();
        foreach (var decision in refused)
            log.Add(decision.ToRecord(user.Name, now).About(requisitionId, workerId, placementId).Refusing(change));
        await unitOfWork.SaveChangesAsync(cancellationToken);
    }
}
