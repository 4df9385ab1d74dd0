using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Application.Common.Results;
using Connect2Luton.Application.Policies;
using Connect2Luton.Domain.Common;
using Connect2Luton.Domain.RuleSets;

namespace Connect2Luton.Application.RuleSets;

/// <summary>What came of an officer's save: the version now serving, or why nothing changed.</summary>
public sealed record RuleSetSaveResult(CommandResult Result, IReadOnlyList<RuleSetProblem> Problems, ServingRuleFile? ChangedUnderneath);

/// <summary>
/// Officers' changes to the rules: a save or a rollback is checked, written and served, then stored as a version
/// with its author, time and comment. Only policy officers and admins change rules.
/// </summary>
public sealed class RuleSetEditing(
    IRuleSetPublisher publisher,
    IRepository<RuleFileVersion> versions,
    IUnitOfWork unitOfWork,
    ICurrentUser user,
    RuleVersionFollower follower,
    ServedRuleVersions seen,
    TimeProvider clock)
{
    public static class Fields
    {
        public const string Json = "Json";
        public const string TestCases = "TestCases";
        public const string Comment = "Comment";
    }

    public bool CanEdit => user.May(Permissions.EditRules);

    /// <summary>Saves a rule file and its test cases (null keeps the serving cases): a changed cap usually moves the cases that pin it.</summary>
    public Task<RuleSetSaveResult> SaveAsync(string name, string? json, string? testCases, string? startedFrom, string? comment, CancellationToken cancellationToken) =>
        PublishAsync(name, json, testCases, startedFrom, comment, RuleFileChange.Saved, null, cancellationToken);

    /// <summary>Puts an earlier version back, as a new version: the history only ever grows.</summary>
    public async Task<RuleSetSaveResult> RollBackAsync(string name, int versionId, string? startedFrom, string? comment, CancellationToken cancellationToken)
    {
        var earlier = await versions.GetByIdAsync(versionId, cancellationToken);
        if (earlier is null || earlier.RuleSet != name) return new RuleSetSaveResult(CommandResult.NotFound(), [], null);
        return await PublishAsync(name, earlier.Content, earlier.TestCases, startedFrom, comment, RuleFileChange.RolledBack, earlier, cancellationToken);
    }

    private async Task<RuleSetSaveResult> PublishAsync(
        string name, string? json, string? testCases, string? startedFrom, string? comment, RuleFileChange change, RuleFileVersion? restores, CancellationToken cancellationToken)
    {
        if (!CanEdit) return new RuleSetSaveResult(CommandResult.Forbidden("Only HR policy officers and admins change the rules."), [], null);
        var serving = publisher.Serving(name);
        if (serving is null) return new RuleSetSaveResult(CommandResult.NotFound(), [], null);

        var errors = new FieldErrors();
        errors.Required(Fields.Comment, comment, "Say what you changed and why: every version keeps its comment");
        errors.Text(Fields.Comment, comment, Limits.Reason, "The comment");
        errors.Required(Fields.Json, json, "The rule file cannot be empty");
        if (json is { Length: > RuleFileVersion.MaximumContentLength })
            errors.Add(Fields.Json, $"A rule file may be at most {RuleFileVersion.MaximumContentLength:N0} characters");
        if (testCases is { Length: > RuleFileVersion.MaximumContentLength })
            errors.Add(Fields.TestCases, $"A test cases file may be at most {RuleFileVersion.MaximumContentLength:N0} characters");
        if (errors.Any) return new RuleSetSaveResult(errors.ToResult(), [], null);
        var cases = string.IsNullOrWhiteSpace(testCases) ? serving.TestCasesJson : testCases;
        if (json == serving.Json && cases == serving.TestCasesJson)
            return new RuleSetSaveResult(CommandResult.Invalid(Fields.Json, "This is the version already serving: there is nothing to save"), [], null);

        RuleFileVersion? recorded = null;
        var published = await publisher.PublishAsync(name, json!, cases, startedFrom ?? string.Empty, async (hash, replacing, ct) =>
        {
            var newest = await versions.FirstOrDefaultAsync(new NewestRuleFileVersionSpec(name), ct);
            // The database holds a version this server does not serve yet: another server saved one first. (Where
            // nothing serves here, the officer is putting a broken rule set right, on top of whatever was recorded.)
            if (newest is not null && replacing is not null && (newest.Content != replacing.Json || newest.TestCases != replacing.TestCasesJson)) return false;
            var version = new RuleFileVersion(name, (newest?.Number ?? 0) + 1, hash, json!, cases, change, user.Name, comment!.Trim(), clock.GetUtcNow(), restores?.Id);
            versions.Add(version);
            // The version's number is unique in its rule set: of two servers saving on top of the same version at the
            // same moment, the second is refused here.
            if ((await unitOfWork.SaveChangesAsync(ct)).IsConflict)
            {
                unitOfWork.Forget();
                return false;
            }
            recorded = version;
            seen.Note(name, version.Id, version.Number);
            return true;
        }, cancellationToken);
        if (published.ChangedUnderneath is { } before)
        {
            // Brought up to date first, so the officer compares their version with what now serves everywhere.
            await follower.CatchUpAsync(cancellationToken);
            return new RuleSetSaveResult(CommandResult.Conflict(
                "Someone else saved this rule set while you were working on it, so your change has not been saved. " +
                "Compare what is serving now with your version below, then make your change again on top of theirs."), [], publisher.Serving(name) ?? before);
        }
        if (!published.Published)
        {
            var message = published.Problems.Count == 1 ? "The rule set has a problem" : $"The rule set has {published.Problems.Count} problems";
            return new RuleSetSaveResult(CommandResult.Invalid(Fields.Json, $"{message}, so nothing has been saved and the current version keeps serving"), published.Problems, null);
        }
        return new RuleSetSaveResult(CommandResult.Done(recorded!.Id), [], null);
    }
}
