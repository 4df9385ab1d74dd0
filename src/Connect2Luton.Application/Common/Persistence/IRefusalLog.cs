using Connect2Luton.Domain.Decisions;

namespace Connect2Luton.Application.Common.Persistence;

/// <summary>Stages a rule decision that refused a change, for the unit of work's next save: the only thing that save writes.</summary>
public interface IRefusalLog
{
    void Add(RuleDecision decision);
}
