using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Application.Common.Results;
using Connect2Luton.Application.RuleSets;
using Connect2Luton.Domain.RuleSets;
using Connect2Luton.Web.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connect2Luton.Web.Pages.Rules;

/// <summary>Every version of a rule set that has served, newest first; officers roll back to one from here.</summary>
public sealed class HistoryModel(IRuleSetPublisher publisher, IReadRepository<RuleFileVersion> versions, RuleSetEditing editing) : PageModel
{
    public ServingRuleFile Serving { get; private set; } = null!;

    public IReadOnlyList<RuleFileVersionRow> Versions { get; private set; } = [];

    public bool CanEdit => editing.CanEdit;

    [BindProperty]
    public RollBackForm Input { get; set; } = new();

    [BindProperty]
    public string StartedFrom { get; set; } = string.Empty;

    /// <summary>A content hash to mark in the list: the version a decision was made under, followed from that decision.</summary>
    public string? Marked { get; private set; }

    public async Task<IActionResult> OnGetAsync(string name, string? version, CancellationToken cancellationToken)
    {
        if (await LoadAsync(name, cancellationToken) is { } notHere) return notHere;
        Marked = Versions.Any(v => v.Hash == version) ? version : null;
        StartedFrom = Serving.Revision;
        return Page();
    }

    public async Task<IActionResult> OnPostRollBackAsync(string name, CancellationToken cancellationToken)
    {
        if (!editing.CanEdit) return Forbid();
        if (await LoadAsync(name, cancellationToken) is { } notHere) return notHere;
        var result = await editing.RollBackAsync(name, Input.VersionId, StartedFrom, Input.Comment, cancellationToken);
        if (result.Result.Succeeded)
        {
            TempData["Done"] = "Rolled back: the earlier version is serving again, as a new version";
            return RedirectToPage("History", new { name });
        }
        if (this.Unreachable(result.Result) is { } unreachable) return unreachable;
        // A rollback's only field is its comment; anything else wrong with it is said at the top.
        var refusal = result.Result.Errors.TryGetValue(RuleSetEditing.Fields.Comment, out var comment)
            ? CommandResult.Invalid(RuleSetEditing.Fields.Comment, comment)
            : CommandResult.Conflict(result.Result.Message ?? string.Join(" ", result.Result.Errors.Values.Concat(result.Problems.Select(p => p.ToString()))));
        ModelState.AddRefusal(refusal);
        StartedFrom = Serving.Revision;
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(string name, CancellationToken cancellationToken)
    {
        if (publisher.Serving(name) is not { } serving) return NotFound();
        Serving = serving;
        Versions = await versions.ListAsync(new RuleFileHistorySpec(name), cancellationToken);
        return null;
    }

    public static string Describe(RuleFileChange change) => change switch
    {
        RuleFileChange.FirstLoaded => "First served",
        RuleFileChange.Saved => "Saved",
        RuleFileChange.RolledBack => "Rolled back",
        RuleFileChange.ChangedOnDisk => "Changed on disk",
        _ => change.ToString(),
    };

    public sealed class RollBackForm
    {
        public int VersionId { get; set; }
        public string? Comment { get; set; }
    }
}
