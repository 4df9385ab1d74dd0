using Connect2Luton.Domain.Common;

namespace Connect2Luton.Domain.RuleSets;

/// <summary>How a version of a rule file came to serve.</summary>
public enum RuleFileChange
{
    /// <summary>The file as the app found it when it first served it: the start of its history.</summary>
    FirstLoaded,

    /// <summary>An officer saved it in the rules workspace.</summary>
    Saved,

    /// <summary>An officer put an earlier version back, which is saved as a new version.</summary>
    RolledBack,

    /// <summary>The file was changed on disk (by hand, a deployment, another node) and passed the checks.</summary>
    ChangedOnDisk,
}

/// <summary>
/// One version of a rule file that served: its exact text (never reformatted) with its test cases, the content hash
/// every decision made under it records, who put it there, when and why. Versions are never changed or removed, so
/// a decision can always be traced to the rules that made it.
/// </summary>
public sealed class RuleFileVersion : AggregateRoot
{
    public const int MaximumContentLength = 200_000;

    private RuleFileVersion() { RuleSet = Hash = Content = Author = Comment = string.Empty; }

    public RuleFileVersion(string ruleSet, int number, string hash, string content, string? testCases, RuleFileChange change, string author, string comment, DateTimeOffset savedAt, int? restoresVersionId = null)
    {
        RuleSet = Guard.Required(ruleSet, Limits.RuleSetName, "The rule set");
        Number = number >= 1 ? number : throw new DomainRuleException("A rule file version is numbered from 1.");
        Hash = Guard.Required(hash, Limits.ContentHash, "The content hash");
        // Kept exactly as written: officers diff and roll back to what they wrote, spacing and all.
        Content = string.IsNullOrWhiteSpace(content) ? throw new DomainRuleException("A rule file version needs its content.")
            : content.Length > MaximumContentLength ? throw new DomainRuleException($"A rule file may be at most {MaximumContentLength:N0} characters.") : content;
        TestCases = testCases is { Length: > MaximumContentLength } ? throw new DomainRuleException($"A test cases file may be at most {MaximumContentLength:N0} characters.") : testCases;
        Change = change;
        Author = Guard.Required(author, Limits.Actor, "The author");
        Comment = Guard.Required(comment, Limits.Reason, "The comment");
        SavedAt = savedAt;
        RestoresVersionId = restoresVersionId;
    }

    public string RuleSet { get; private set; }

    /// <summary>
    /// The version's number within its rule set, one more than the version it replaced. Unique per rule set, so when
    /// two servers save on top of the same version at once only one is recorded: the database decides which serves.
    /// </summary>
    public int Number { get; private set; }

    /// <summary>SHA-256 of the file's text, in hex: the version decisions record.</summary>
    public string Hash { get; private set; }
    public string Content { get; private set; }
    public string? TestCases { get; private set; }
    public RuleFileChange Change { get; private set; }
    public string Author { get; private set; }
    public string Comment { get; private set; }
    public DateTimeOffset SavedAt { get; private set; }

    /// <summary>For a rollback, the version it put back.</summary>
    public int? RestoresVersionId { get; private set; }
}
