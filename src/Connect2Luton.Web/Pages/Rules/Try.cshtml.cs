using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.RuleSets;
using Connect2Luton.Application.RuleSets.Cases;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connect2Luton.Web.Pages.Rules;

/// <summary>
/// Tries the posted draft on a sample of facts, typed or taken from a real case, and keeps a tried sample as a test
/// case. Nothing is saved: the page shows the workspace again, with what the draft decided.
/// </summary>
[Authorize(Policy = Permissions.EditRules)]
public sealed class TryModel(RuleWorkspace workspace, IRuleSetSamples samples, RuleSetRealCases realCases) : PageModel
{
    public const int MostCaseNameLength = 200;

    [BindProperty(Name = "")]
    public RuleDraft Draft { get; set; } = new();

    // Only a posted draft can be tried: an address opened on its own (a bookmark, the back button) opens the rule set's editor.
    public IActionResult OnGet(string name) => RedirectToPage("Edit", new { name });

    /// <summary>Decides the sample facts with the draft and shows each rule's result.</summary>
    public IActionResult OnPost(string name) => TrySample(name) ? Shown() : NotFound();

    /// <summary>Keeps the sample, with what the draft decides for it, as a new test case in the draft's cases.</summary>
    public IActionResult OnPostAddCase(string name)
    {
        if (!TrySample(name)) return NotFound();
        if (Draft.Tried is not { } tried) return Shown();
        var caseName = Draft.CaseName?.Trim();
        if (string.IsNullOrEmpty(caseName) || caseName.Length > MostCaseNameLength)
        {
            ModelState.AddModelError(nameof(RuleDraft.CaseName), $"Name the test case ({MostCaseNameLength} characters at most): say what it pins, like 'Social worker a penny over the cap'");
            return Shown();
        }
        var (cases, problem) = samples.WithTestCase(name, Draft.Input.TestCases ?? Draft.Serving.TestCasesJson ?? string.Empty, caseName, Draft.Sample, tried.Outcome);
        if (problem is not null)
        {
            ModelState.AddModelError(problem.StartsWith("There is already", StringComparison.Ordinal) ? nameof(RuleDraft.CaseName) : "Input.TestCases", problem);
            return Shown();
        }
        ModelState.Remove("Input.TestCases");
        Draft.Input.TestCases = cases;
        Draft.CaseAdded = caseName;
        return Shown();
    }

    /// <summary>Fills the sample with a real case's facts as they stand today, and tries the draft on them.</summary>
    public async Task<IActionResult> OnPostUseRealCaseAsync(string name, CancellationToken cancellationToken)
    {
        if (workspace.Read(name, Draft, ModelState) is not { } ready) return NotFound();
        if (!ready) return Shown();
        if (RuleWorkspace.NotServing(Draft, "A real case's facts can be taken") is { } notServing)
        {
            ModelState.AddModelError(string.Empty, notServing);
            return Shown();
        }
        var typed = Draft.RealCase;
        var found = await realCases.FindAsync(name, new RealCase(Number(typed.PlacementId), Number(typed.RequisitionId), Number(typed.WorkerId)), cancellationToken);
        if (found.Facts is null)
        {
            ModelState.AddModelError($"{nameof(RuleDraft.RealCase)}.{found.Field}", found.Problem!);
            return Shown();
        }
        Draft.Sample = samples.SampleOf(found.Facts).ToDictionary(f => f.Key, f => (string?)f.Value);
        Draft.RealCaseUsed = found.Describes;
        if (workspace.Compile(Draft, ModelState) is { } compiled) Draft.Tried = compiled.Decide(found.Facts);
        return Shown();
    }

    // False for a rule set that is not there; otherwise the sample is tried if the draft and the facts allow.
    private bool TrySample(string name)
    {
        if (workspace.Read(name, Draft, ModelState) is not { } ready) return false;
        if (!ready) return true;
        var (facts, errors) = samples.FactsFrom(name, Draft.Sample);
        foreach (var (fact, error) in errors)
            ModelState.AddModelError(fact.Length == 0 ? string.Empty : $"Sample[{fact}]", error);
        if (facts is not null && workspace.Compile(Draft, ModelState) is { } compiled) Draft.Tried = compiled.Decide(facts);
        return true;
    }

    // A number as typed; anything else is no number, which the case explains beside the field.
    private static int? Number(string? typed) =>
        int.TryParse(typed?.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) ? number : null;

    private PageResult Shown()
    {
        workspace.Show(Draft, ModelState);
        return Page();
    }
}
