using Connect2Luton.Application.Policies;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connect2Luton.Web.Pages.Rules;

public sealed class IndexModel(IRuleSetCatalogue catalogue) : PageModel
{
    public IReadOnlyList<RuleSetView> RuleSets { get; private set; } = [];

    public void OnGet() =>
        RuleSets = catalogue.Current.Select(s => catalogue.Describe(s.Name)!).ToList();
}
