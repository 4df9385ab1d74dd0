using Connect2Luton.Application.Policies;

namespace Connect2Luton.Application.RuleSets;

/// <summary>
/// Sample facts an officer fills in to try a draft: the facts a rule set reads, each as a field, starting from its
/// test cases' defaults; and a tried sample kept as a new test case, added to the cases' text in place.
/// </summary>
public interface IRuleSetSamples
{
    /// <summary>The facts a rule set reads, in order; empty for a name that is not one of the four.</summary>
    IReadOnlyList<FactView> FactsOf(string name);

    /// <summary>A sample to start from: the test cases' default facts, as field text; empty if they cannot be read.</summary>
    IReadOnlyDictionary<string, string> DefaultSample(string name, string? testCasesJson);

    /// <summary>Facts (a real case's) as field text, as an officer would type them.</summary>
    IReadOnlyDictionary<string, string> SampleOf(object facts);

    /// <summary>The facts the fields make, or what is wrong with each field that does not fit its fact, as a sentence naming it.</summary>
    (object? Facts, IReadOnlyDictionary<string, string> Errors) FactsFrom(string name, IReadOnlyDictionary<string, string?> fields);

    /// <summary>
    /// The test cases with one more at the end of their list: the facts where they differ from the defaults, and
    /// the outcome the case expects. The problem instead, if the cases cannot be read or the name is taken.
    /// </summary>
    (string? TestCasesJson, string? Problem) WithTestCase(string name, string testCasesJson, string caseName, IReadOnlyDictionary<string, string?> fields, string outcome);
}
