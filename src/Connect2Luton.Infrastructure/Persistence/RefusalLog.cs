using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Domain.Decisions;

namespace Connect2Luton.Infrastructure.Persistence;

internal sealed class RefusalLog(AppDbContext db) : IRefusalLog
{
    public void Add(RuleDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        if (decision.Refused is null) throw new ArgumentException("Only a decision that refused a change goes on the refusal log.", nameof(decision));
        db.RuleDecisions.Add(decision);
    }
}
