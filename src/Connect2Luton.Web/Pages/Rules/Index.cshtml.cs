using Connect2Luton.Application.Policies;
using Connect2Luton.Application.RuleSets;
using Connect2Luton.Infrastructure.Cluster;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Connect2Luton.Web.Pages.Rules;

public sealed class IndexModel(IRuleSetCatalogue catalogue, ServedRuleVersions served, IOptions<ClusterOptions> cluster) : PageModel
{
    public IReadOnlyList<RuleSetView> RuleSets { get; private set; } = [];

    /// <summary>The server answering: with several behind one address, officers see which one they are looking at.</summary>
    public string Server => cluster.Value.Name;

    public TimeSpan CheckInterval => TimeSpan.FromMilliseconds(cluster.Value.CheckIntervalMilliseconds);

    public int? NumberServing(string ruleSet) => served.NumberServing(ruleSet);

    public void OnGet() =>
        RuleSets = catalogue.Current.Select(s => catalogue.Describe(s.Name)!).ToList();
}
