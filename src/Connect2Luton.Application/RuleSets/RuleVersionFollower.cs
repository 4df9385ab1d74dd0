using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Domain.RuleSets;

namespace Connect2Luton.Application.RuleSets;

/// <summary>
/// Keeps this server serving the versions the database records, whichever server recorded them: each newer version
/// is checked with the same validator as a save and swapped in, and written to this server's rules/ folder for
/// people who read it. Run every few seconds by the cluster check, when the app starts (the database's newest
/// version wins over the folder), and at once when a save finds that another server got there first.
/// </summary>
public sealed class RuleVersionFollower(IRuleSetPublisher publisher, IReadRepository<RuleFileVersion> versions, ServedRuleVersions seen)
{
    /// <summary>Takes every version recorded since the last check; how many were taken into service here.</summary>
    public async Task<int> CatchUpAsync(CancellationToken cancellationToken)
    {
        var newest = await versions.GroupAsync(new RuleFileVersionIdsSpec(), v => v.RuleSet, g => new RuleFileVersionId { RuleSet = g.Key, Id = g.Max(v => v.Id) }, cancellationToken);
        var taken = 0;
        foreach (var (ruleSet, id) in newest.Select(n => (n.RuleSet, n.Id)))
        {
            if (id <= seen.NewestSeen(ruleSet)) continue;
            var version = await versions.FirstOrDefaultAsync(new NewestRuleFileVersionSpec(ruleSet), cancellationToken);
            // A rule set this server does not have (a plug-in only another server registers) is not its to serve.
            if (version is null || publisher.Serving(ruleSet) is not { } serving)
            {
                seen.Note(ruleSet, id, null);
                continue;
            }
            if (serving.IsServing && serving.Json == version.Content && serving.TestCasesJson == version.TestCases)
            {
                seen.Note(ruleSet, version.Id, version.Number);
                continue;
            }
            // Refused here (a server on an older or newer release may check differently), the version serving here
            // keeps deciding, its problems are shown to officers, and it is not offered again until a newer one comes.
            var problems = await publisher.AdoptAsync(ruleSet, version.Content, version.TestCases, cancellationToken);
            seen.Note(ruleSet, version.Id, problems.Count == 0 ? version.Number : null);
            if (problems.Count == 0) taken++;
        }
        return taken;
    }
}
