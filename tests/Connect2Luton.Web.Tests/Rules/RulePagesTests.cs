using System.Net;
using Connect2Luton.Testing;
using Connect2Luton.Web.Tests.Support;

namespace Connect2Luton.Web.Tests.Rules;

public sealed class RulePagesTests(Connect2LutonFactory factory) : IClassFixture<Connect2LutonFactory>
{
    [Fact]
    public async Task Anyone_signed_in_can_read_every_rule_set_and_see_it_serving()
    {
        var client = await factory.SignedInAsAsync("recruiter@connect2luton.local");

        var page = await client.GetPageAsync("/Rules");

        var rows = page.QuerySelectorAll("#rule-sets tbody tr").Select(r => r.TextContent).ToList();
        rows.Count.ShouldBe(5);
        rows.ShouldAllBe(r => r.Contains("Serving"));
        page.QuerySelector("#rule-problems").ShouldBeNull();
    }

    [Fact]
    public async Task A_rule_set_shows_its_named_values_rules_and_the_facts_they_can_use()
    {
        var client = await factory.SignedInAsAsync("manager@connect2luton.local");

        var page = await client.GetPageAsync("/Rules/View/pay-rate-caps");

        page.Text("h1").ShouldBe("Pay-rate caps");
        page.Text("#description").ShouldContain("ILLUSTRATIVE");
        page.QuerySelectorAll("#named-values tbody tr").Select(r => r.TextContent.Trim()).ShouldContain(r => r.StartsWith("National Living Wage") && r.Contains("from 1 April 2026: £12.71 an hour"));
        page.Text("#rule-WithinDfeCap").ShouldContain("Director of Children's Services; Chief Executive");
        page.QuerySelectorAll("#facts tbody tr").Select(r => r.TextContent).ShouldContain(r => r.Contains("input.PayRate") && r.Contains("The worker's hourly pay."));
        page.Text("#version").Length.ShouldBe(64);
    }

    [Fact]
    public async Task An_unknown_rule_set_is_not_found()
    {
        var client = await factory.SignedInAsAsync("recruiter@connect2luton.local");

        (await client.GetAsync(new Uri("/Rules/View/..%2F..%2Fetc%2Fpasswd", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync(new Uri("/Rules/View/secret-rules", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

/// <summary>
/// The app started for the first time with one rule file broken on disk: the database holds no version of it yet,
/// so there is nothing better to serve. (With a version in the database, that version serves and mends the file.)
/// </summary>
public sealed class BrokenRulesFactory : Connect2LutonFactory
{
    private readonly RuleFolderCopy _rules = BrokenCopy();

    protected override bool StartsWithRulesHistory => false;

    protected override string RulesDirectory => _rules.Directory;

    private static RuleFolderCopy BrokenCopy()
    {
        var copy = RuleFiles.Copy();
        copy.Replace("placement-length-limits.json", "{ \"WorkflowName\": \"placement-length-limits\", \"Rules\": [ { \"RuleName\": \"Oops\", \"Expression\": \"input.GetType() != null\", \"ErrorMessage\": \"x\" } ] }");
        return copy;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _rules.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class BrokenRulesTests(BrokenRulesFactory factory) : IClassFixture<BrokenRulesFactory>
{
    [Fact]
    public async Task Officers_are_told_which_file_is_broken_where_and_why()
    {
        var client = await factory.SignedInAsAsync("policy@connect2luton.local");

        var page = await client.GetPageAsync("/Rules");

        var banner = page.Text("#rule-problems");
        banner.ShouldContain("Placement length limits: the file on disk was refused.");
        banner.ShouldContain("at 'Oops': 'GetType' reaches into the program itself");
        page.QuerySelectorAll("#rule-sets tbody tr").Single(r => r.TextContent.Contains("Placement length limits")).TextContent.ShouldContain("Not serving");
        page.QuerySelectorAll("#rule-sets tbody tr").Count(r => r.TextContent.Contains("Serving") && !r.TextContent.Contains("Not serving")).ShouldBe(4);
    }

    [Fact]
    public async Task Health_reports_the_rule_set_that_is_not_serving()
    {
        var response = await factory.CreateBrowser().GetAsync(new Uri("/health", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Not serving: placement-length-limits");
    }
}
