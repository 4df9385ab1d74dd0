using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Application.Policies;
using Connect2Luton.Domain.RuleSets;
using Microsoft.Extensions.Logging;

namespace Connect2Luton.Application.RuleSets;

/// <summary>
/// Keeps every serving version of the rule files in the history, including those that did not come through the
/// workspace: the files as found when the app first starts, and files changed on disk that passed the checks.
/// So every decision's rule version can be found, and rolled back to.
/// </summary>
public sealed partial class RuleFileHistory(
    IRuleSetCatalogue catalogue, IRuleSetPublisher publisher, IRepository<RuleFileVersion> versions, IUnitOfWork unitOfWork, ServedRuleVersions seen, TimeProvider clock,
    ILogger<RuleFileHistory> logger)
{
    public const string FolderAuthor = "rules folder";

    public async Task<int> RecordServingAsync(CancellationToken cancellationToken)
    {
        var recorded = new List<RuleFileVersion>();
        foreach (var status in catalogue.Current.Where(s => s.IsServing))
        {
            var latest = await versions.FirstOrDefaultAsync(new LatestRuleFileVersionSpec(status.Name), cancellationToken);
            if (latest?.Hash == status.ServingVersion || publisher.Serving(status.Name) is not { } serving || serving.Version != status.ServingVersion) continue;
            // A file changed on disk was changed on top of the version this server served. If another server has
            // recorded a newer one meanwhile (an officer's save), the disk's change is not recorded over it: that
            // version wins, and this server takes it at its next check, as a second save on top of one version is
            // refused. (Where nothing recorded serves here, the folder's version is all there is.)
            if (latest is not null && seen.NumberServing(status.Name) is { } servedHere && servedHere != latest.Number)
            {
                LogSuperseded(logger, serving.FileName, servedHere, latest.Number);
                continue;
            }
            var (change, comment) = latest is null
                ? (RuleFileChange.FirstLoaded, $"The file {serving.FileName} as the app found it when it first served it.")
                : (RuleFileChange.ChangedOnDisk, $"{serving.FileName} was changed on disk and passed every check.");
            var version = new RuleFileVersion(status.Name, (latest?.Number ?? 0) + 1, serving.Version, serving.Json, serving.TestCasesJson, change, FolderAuthor, comment, clock.GetUtcNow());
            versions.Add(version);
            recorded.Add(version);
        }
        if (recorded.Count == 0) return 0;
        // Refused when another server recorded a version of the same rule set at the same moment: its version is the
        // newer, and this server takes it at its next check.
        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        if (saved.IsConflict)
        {
            unitOfWork.Forget();
            return 0;
        }
        foreach (var version in recorded) seen.Note(version.RuleSet, version.Id, version.Number);
        return recorded.Count;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{File} was changed on disk on top of version {ServedHere}, but version {Newest} was saved on another server meanwhile: the change on disk is not recorded, and version {Newest} serves")]
    private static partial void LogSuperseded(ILogger logger, string file, int servedHere, int newest);
}
