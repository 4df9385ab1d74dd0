using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.RuleSets;
using Connect2Luton.Web.Forms;
using Connect2Luton.Web.Rules;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connect2Luton.Web.Pages.Rules;

/// <summary>
/// An officer edits a rule file's text as it is (nothing reformatted), checks it against every rule and test case,
/// and saves it with a comment. If someone else saved first, they are told and shown the difference. Trying the
/// draft on a sample and what it would change are pages of their own (<see cref="TryModel"/>, <see cref="WhatIfModel"/>).
/// </summary>
[Authorize(Policy = Permissions.EditRules)]
public sealed class EditModel(RuleWorkspace workspace, IRuleSetPublisher publisher, RuleSetEditing editing) : PageModel
{
    [BindProperty(Name = "")]
    public RuleDraft Draft { get; set; } = new();

    public IActionResult OnGet(string name) => workspace.Open(name, Draft) ? Shown() : NotFound();

    /// <summary>Writes the values and rules changed in their fields into the draft's text; nothing is saved.</summary>
    public IActionResult OnPostApply(string name)
    {
        if (workspace.Read(name, Draft, ModelState) is not { } ready) return NotFound();
        if (ready) workspace.ReviewCases(Draft, ModelState);
        return Shown();
    }

    /// <summary>Sets each test case the draft decides otherwise to expect what it decides; nothing is saved.</summary>
    public IActionResult OnPostAcceptCases(string name)
    {
        if (workspace.Read(name, Draft, ModelState) is not { } ready) return NotFound();
        if (ready) workspace.AcceptCaseOutcomes(Draft, ModelState);
        return Shown();
    }

    /// <summary>Runs every check and the test cases on the draft; nothing is saved.</summary>
    public IActionResult OnPostCheck(string name)
    {
        if (workspace.Read(name, Draft, ModelState) is not { } ready) return NotFound();
        if (!ready) return Shown();
        var input = Draft.Input;
        workspace.ReviewCases(Draft, ModelState);
        Draft.Problems = publisher.Check(name, input.Json!, string.IsNullOrWhiteSpace(input.TestCases) ? Draft.Serving.TestCasesJson : input.TestCases);
        if (Draft.Problems.Count > 0)
            ModelState.AddModelError("Input.Json", $"The draft has {Draft.Problems.Count} problem{(Draft.Problems.Count == 1 ? "" : "s")}, each listed at the top of the page");
        else Draft.CheckedClean = true;
        return Shown();
    }

    public async Task<IActionResult> OnPostSaveAsync(string name, CancellationToken cancellationToken)
    {
        if (!workspace.Load(name, Draft)) return NotFound();
        var input = Draft.Input;
        if (!string.IsNullOrWhiteSpace(input.Json) && !workspace.ApplyFields(Draft, ModelState)) return Shown();
        var saved = await editing.SaveAsync(name, input.Json, input.TestCases, Draft.StartedFrom, input.Comment, cancellationToken);
        if (saved.Result.Succeeded)
        {
            TempData["Done"] = "Saved: the new version is serving";
            return RedirectToPage("History", new { name });
        }
        if (this.Unreachable(saved.Result) is { } unreachable) return unreachable;
        Draft.Problems = saved.Problems;
        if (saved.ChangedUnderneath is null && !string.IsNullOrWhiteSpace(input.Json)) workspace.ReviewCases(Draft, ModelState);
        ModelState.AddRefusal(saved.Result);
        if (saved.ChangedUnderneath is { } now)
        {
            Draft.Serving = now;
            Draft.Underneath = RuleFileDiff.Between("Serving now", now.Json, "Your version", input.Json ?? string.Empty);
            Draft.UnderneathCases = now.TestCasesJson == input.TestCases ? null
                : RuleFileDiff.Between("Test cases serving now", now.TestCasesJson ?? string.Empty, "Your test cases", input.TestCases ?? string.Empty);
            // Saving again is a decision made with the difference in view: the hidden field must carry the version
            // now serving, not the one posted (which the field would otherwise show again).
            ModelState.Remove(nameof(RuleDraft.StartedFrom));
            Draft.StartedFrom = now.Revision;
        }
        return Shown();
    }

    // Trying a draft and what-if moved to pages of their own: a workspace opened before then posts here, and is sent
    // on with its draft (a 307 keeps the method and the form).
    public IActionResult OnPostTrySample(string name) => MovedTo("Try", null, name);

    public IActionResult OnPostAddCase(string name) => MovedTo("Try", "AddCase", name);

    public IActionResult OnPostUseRealCase(string name) => MovedTo("Try", "UseRealCase", name);

    public IActionResult OnPostWhatIf(string name) => MovedTo("WhatIf", null, name);

    private IActionResult MovedTo(string page, string? handler, string name) =>
        publisher.Serving(name) is null ? NotFound() : new RedirectToPageResult(page, handler, new { name }) { PreserveMethod = true };

    private PageResult Shown()
    {
        workspace.Show(Draft, ModelState);
        return Page();
    }
}
