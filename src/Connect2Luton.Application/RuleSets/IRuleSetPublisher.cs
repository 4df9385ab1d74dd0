using Connect2Luton.Application.Policies;

namespace Connect2Luton.Application.RuleSets;

/// <summary>
/// Where officers' changes to the rules go live. A draft goes through the one validator the rule files always
/// pass; only a draft with no problems is written to rules/ (a temporary file, then a rename, so no reader ever
/// sees half a file) and served at once on this server, once the database has recorded it as the new version. The
/// database is the record of what serves: other servers check it every few seconds and take the new version
/// (<see cref="RuleVersionFollower"/>), each writing it to its own rules/ folder.
/// </summary>
public interface IRuleSetPublisher
{
    /// <summary>The text of a rule set as it serves now; null for a name that is not one of the four, or one that never loaded.</summary>
    ServingRuleFile? Serving(string name);

    /// <summary>Every check on a draft, without serving it: the problems, none for a draft that would serve.</summary>
    IReadOnlyList<RuleSetProblem> Check(string name, string json, string? testCasesJson);

    /// <summary>
    /// A draft compiled to decide with, to see its effect before it serves. Every safety check runs (strict JSON,
    /// structure, fact types, the allow-list); the test cases do not, since an officer may want to see the effect
    /// of a new cap before moving the cases that pin the old one. Null, with the problems, if it cannot run.
    /// </summary>
    (IRuleSetTrial? Trial, IReadOnlyList<RuleSetProblem> Problems) Try(string name, string json);

    /// <summary>
    /// A draft with the named values given set to new expressions, changed in place so the rest of the text stays
    /// exactly as it was; the problems if a name is not in the draft or the draft is not readable.
    /// </summary>
    /// <param name="inForceOn">Set the expression in force that day (the latest dated change on or before it), not the value as first written.</param>
    (string Json, IReadOnlyList<string> Problems) WithNamedValues(string json, IReadOnlyDictionary<string, string> expressions, DateOnly? inForceOn = null);

    /// <summary>A draft with a named value changing to a new expression from a day: added to its dated changes, or replacing one that day.</summary>
    (string Json, IReadOnlyList<string> Problems) WithScheduledChange(string json, string name, DateOnly from, string expression);

    /// <summary>
    /// A draft's named values in order, as its text has them: expressions, labels, types and dated changes, read
    /// leniently since a draft may be half typed; null for text that cannot be read.
    /// </summary>
    IReadOnlyList<NamedValueView>? NamedValuesOf(string json);

    /// <summary>A draft's rules in order, as their form fields show them; null for text that cannot be read.</summary>
    IReadOnlyList<RuleText>? RulesOf(string json);

    /// <summary>
    /// A draft with rules changed, taken out or added, each in place in the text so the rest stays exactly as it
    /// was; the problems if a rule named is not in the draft, a new rule's name is taken, or the text is not readable.
    /// </summary>
    (string Json, IReadOnlyList<string> Problems) WithRules(string json, RuleChanges changes);

    /// <summary>
    /// The draft's test cases after a change of values: each case written against a value (just under, at, just
    /// over it) moved to the value's new boundary, its other facts worked out as a booking would, and each case the
    /// draft now decides otherwise than it expects. Nothing is returned where the draft or its cases cannot be read:
    /// the checks say why.
    /// </summary>
    CaseReview ReviewCases(string name, string json, string? testCasesJson, bool moveBoundaries);

    /// <summary>
    /// The test cases expecting what the draft decides for each case it now decides otherwise, changed in place; the
    /// problems, and the cases unchanged, where the draft or its cases cannot be read or run.
    /// </summary>
    (string TestCasesJson, int Accepted, IReadOnlyList<Policies.RuleSetProblem> Problems) AcceptCaseOutcomes(string name, string json, string testCasesJson);

    /// <summary>The serving version of a rule set, to decide with beside a draft.</summary>
    IRuleSetTrial? ServingTrial(string name);

    /// <summary>
    /// Checks a draft and, if it passes, writes it and has <paramref name="record"/> record it as the new version,
    /// then serves it, provided the serving revision is still the one the officer started from. If the revision has
    /// moved, or the record is refused (another server recorded a version first), nothing changes (the files are put
    /// back) and the result says what was serving.
    /// </summary>
    /// <param name="record">Records the checked draft (its content hash) on top of the version serving here; false when the database has a newer one.</param>
    Task<PublishResult> PublishAsync(string name, string json, string? testCasesJson, string startedFrom, RecordVersion record, CancellationToken cancellationToken = default);

    /// <summary>
    /// A version another server recorded: checked with the same validator as a save and, if it passes, served here and
    /// written to this server's rules/ folder. The problems, where it does not pass here; what serves keeps serving.
    /// </summary>
    Task<IReadOnlyList<RuleSetProblem>> AdoptAsync(string name, string json, string? testCasesJson, CancellationToken cancellationToken = default);
}

/// <param name="Version">The rule file's content hash, which decisions record.</param>
/// <param name="Revision">A hash of the rule file and its test cases together: what a save must have started from.</param>
/// <summary>
/// A rule set's files as the workspace starts from: the version serving or, for a rule set that has never loaded
/// (its file refused at start), the files as they are on disk, so an officer can put them right in the app.
/// </summary>
public sealed record ServingRuleFile(string Name, string Json, string? TestCasesJson, string Version, string Revision, string FileName)
{
    /// <summary>False for the files of a rule set that is not serving: nothing decides with them until they are saved clean.</summary>
    public bool IsServing { get; init; } = true;
}

/// <summary>Records a checked draft as a rule set's new version, on top of <paramref name="replacing"/> (null for its first); false if another version got there first.</summary>
public delegate Task<bool> RecordVersion(string version, ServingRuleFile? replacing, CancellationToken cancellationToken);

public sealed record PublishResult(string? Version, IReadOnlyList<RuleSetProblem> Problems, ServingRuleFile? ChangedUnderneath)
{
    public bool Published => Version is not null && Problems.Count == 0 && ChangedUnderneath is null;
}

/// <summary>A version of a rule set that decides on facts without serving: a draft, or what serves now.</summary>
public interface IRuleSetTrial
{
    string Version { get; }

    PolicyDecision Decide(object facts);
}

/// <param name="TestCasesJson">The cases with the boundary cases moved (unchanged where none moved).</param>
public sealed record CaseReview(string? TestCasesJson, IReadOnlyList<MovedCase> Moved, IReadOnlyList<ChangedCase> Changed)
{
    public static CaseReview None { get; } = new(null, [], []);
}

/// <summary>A boundary case moved with its value: the fact moved, from and to, in words ("£34.92").</summary>
public sealed record MovedCase(string Case, string Fact, string From, string To);

/// <summary>A case the draft decides otherwise than it expects: what it expects and what the draft decides, in words.</summary>
public sealed record ChangedCase(string Case, string Expected, string Decided);
