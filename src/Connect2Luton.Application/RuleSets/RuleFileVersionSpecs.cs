using Connect2Luton.Application.Common.Specifications;
using Connect2Luton.Domain.RuleSets;

namespace Connect2Luton.Application.RuleSets;

/// <summary>A rule set's versions, newest first, without their text: the history page.</summary>
public sealed class RuleFileHistorySpec : Specification<RuleFileVersion, RuleFileVersionRow>
{
    public RuleFileHistorySpec(string ruleSet)
    {
        Query.Where(v => v.RuleSet == ruleSet).OrderByDescending(v => v.Id);
        Query.Select(v => new RuleFileVersionRow(v.Id, v.Number, v.Hash, v.Change, v.Author, v.Comment, v.SavedAt, v.RestoresVersionId));
    }
}

/// <summary>The last version recorded for a rule set.</summary>
public sealed class LatestRuleFileVersionSpec : Specification<RuleFileVersion, RuleFileVersionRow>
{
    public LatestRuleFileVersionSpec(string ruleSet)
    {
        Query.Where(v => v.RuleSet == ruleSet).OrderByDescending(v => v.Id).Take(1);
        Query.Select(v => new RuleFileVersionRow(v.Id, v.Number, v.Hash, v.Change, v.Author, v.Comment, v.SavedAt, v.RestoresVersionId));
    }
}

/// <summary>The last version recorded for a rule set, with its text: what every server should be serving.</summary>
public sealed class NewestRuleFileVersionSpec : Specification<RuleFileVersion>
{
    public NewestRuleFileVersionSpec(string ruleSet) => Query.Where(v => v.RuleSet == ruleSet).OrderByDescending(v => v.Id).Take(1).AsNoTracking();
}

/// <summary>Every version's rule set and id, for the newest id of each in one grouped read: what servers check every few seconds.</summary>
public sealed class RuleFileVersionIdsSpec : Specification<RuleFileVersion, RuleFileVersionId>
{
    public RuleFileVersionIdsSpec() => Query.Select(v => new RuleFileVersionId { RuleSet = v.RuleSet, Id = v.Id });
}

/// <summary>A version's rule set and id: members set by name, as a grouped read reads them back through the group.</summary>
public sealed record RuleFileVersionId
{
    public required string RuleSet { get; init; }

    public int Id { get; init; }
}

/// <summary>One version of one rule set, with its text.</summary>
public sealed class RuleFileVersionSpec : Specification<RuleFileVersion>
{
    public RuleFileVersionSpec(string ruleSet, int id) => Query.Where(v => v.RuleSet == ruleSet && v.Id == id).AsNoTracking();
}

public sealed record RuleFileVersionRow(int Id, int Number, string Hash, RuleFileChange Change, string Author, string Comment, DateTimeOffset SavedAt, int? RestoresVersionId);
