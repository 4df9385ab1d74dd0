using Connect2Luton.Application.Policies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connect2Luton.Web.Pages.Rules;

public sealed class ViewModel(IRuleSetCatalogue catalogue) : PageModel
{
    public RuleSetView RuleSet { get; private set; } = null!;

    public IActionResult OnGet(string name)
    {
        if (catalogue.Describe(name) is not { } ruleSet) return NotFound();
        RuleSet = ruleSet;
        return Page();
    }
}
