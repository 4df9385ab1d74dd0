using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Application.RuleSets;
using Connect2Luton.Domain.RuleSets;
using Connect2Luton.Web.Rules;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connect2Luton.Web.Pages.Rules;

/// <summary>Two versions of a rule set side by side.</summary>
public sealed class DiffModel(IReadRepository<RuleFileVersion> versions) : PageModel
{
    public string Name { get; private set; } = string.Empty;

    public RuleFileDiff Diff { get; private set; } = null!;

    public int From { get; private set; }

    public int To { get; private set; }

    /// <summary>Whether every line is shown, or only the changed lines with a few around each.</summary>
    public bool Whole { get; private set; }

    public async Task<IActionResult> OnGetAsync(string name, int from, int to, bool whole, CancellationToken cancellationToken)
    {
        var before = await versions.FirstOrDefaultAsync(new RuleFileVersionSpec(name, from), cancellationToken);
        var after = await versions.FirstOrDefaultAsync(new RuleFileVersionSpec(name, to), cancellationToken);
        if (before is null || after is null) return NotFound();
        (Name, From, To, Whole) = (name, from, to, whole);
        Diff = RuleFileDiff.Between(Title(before), before.Content, Title(after), after.Content, whole);
        return Page();
    }

    private static string Title(RuleFileVersion version) =>
        $"Version {version.Hash[..12]} ({HistoryModel.Describe(version.Change).ToLowerInvariant()} {version.SavedAt:d MMM yyyy HH:mm} by {version.Author})";
}
