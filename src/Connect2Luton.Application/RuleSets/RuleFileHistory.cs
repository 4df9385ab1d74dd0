using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Application.Policies;
using Connect2Luton.Domain.RuleSets;

namespace Connect2Luton.Application.RuleSets;

/// <summary>
/// Keeps every serving version of the rule files in the history, including those that did not come through the
/// workspace: the files as found when the app first starts, and files changed on disk that passed the checks.
/// So every decision's rule version can be found, and rolled back to.
/// </summary>
public sealed class RuleFileHistory(IRuleSetCatalogue catalogue, IRuleSetPublisher publisher, IRepository<RuleFileVersion> versions, IUnitOfWork unitOfWork, TimeProvider clock)
{
    public const string FolderAuthor = "rules folder";

    public async Task<int> RecordServingAsync(CancellationToken cancellationToken)
    {
        var recorded = 0;
        foreach (var status in catalogue.Current.Where(s => s.IsServing))
        {
            var latest = await versions.FirstOrDefaultAsync(new LatestRuleFileVersionSpec(status.Name), cancellationToken);
            if (latest?.Hash == status.ServingVersion || publisher.Serving(status.Name) is not { } serving || serving.Version != status.ServingVersion) continue;
            var (change, comment) = latest is null
                ? (RuleFileChange.FirstLoaded, $"The file {serving.FileName} as the app found it when it first served it.")
                : (RuleFileChange.ChangedOnDisk, $"{serving.FileName} was changed on disk and passed every check.");
            versions.Add(new RuleFileVersion(status.Name, serving.Version, serving.Json, serving.TestCasesJson, change, FolderAuthor, comment, clock.GetUtcNow()));
            recorded++;
        }
        if (recorded == 0) return 0;
        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        return saved.IsConflict ? 0 : recorded;
    }
}
