using Connect2Luton.Application.RuleSets.Cases;

namespace Connect2Luton.Application.RuleSets;

/// <summary>
/// The facts a rule set would be given today about a real case from the database, so an officer can try a draft on
/// a placement or a candidate they know rather than on one made up. Each rule set's registered
/// <see cref="IRuleSetCases"/> builds them as its own decisions read them.
/// </summary>
public sealed class RuleSetRealCases(IEnumerable<IRuleSetCases> sources)
{
    private readonly Dictionary<string, IRuleSetCases> _sources = sources.ToDictionary(s => s.RuleSet, StringComparer.Ordinal);

    public bool HasRealCases(string ruleSet) => _sources.ContainsKey(ruleSet);

    /// <summary>What a real case of the rule set is: a placement, a candidate (a requisition and a worker), or a requisition.</summary>
    public RealCaseKind KindOf(string ruleSet) => _sources.TryGetValue(ruleSet, out var source) ? source.RealCases : RealCaseKind.Placement;

    public Task<RealCaseFacts> FindAsync(string ruleSet, RealCase asked, CancellationToken cancellationToken) =>
        _sources.TryGetValue(ruleSet, out var source)
            ? source.RealCaseAsync(asked, cancellationToken)
            : Task.FromResult(RealCaseFacts.Refused(RealCaseFacts.Fields.Placement, "This rule set has no real cases to try it on"));
}
