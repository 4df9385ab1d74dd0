using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Connect2Luton.Domain.Requisitions;
using Connect2Luton.Infrastructure.Persistence;
using Connect2Luton.Testing;
using Connect2Luton.Web.Tests.Rules;
using Connect2Luton.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Connect2Luton.Web.Tests.Faults;

/// <summary>
/// Rule files written to take the service down, tried as an officer would (Check, Save) and as a bad deployment
/// would (the file dropped into rules/ under the running app): each is refused with its reason, nothing changes,
/// and the app answers afterwards. Each case is time-boxed: a parser that recursed or a compile that ran on would
/// end the test run or hang it, not fail an assertion.
/// </summary>
public sealed class HostileRuleTests(RuleWorkspaceFactory factory) : IClassFixture<RuleWorkspaceFactory>
{
    private const string Officer = "policy@connect2luton.local";

    public static TheoryData<string> Hostile => new(HostileRuleDrafts.PayRateCaps.Keys);

    [Theory(Timeout = 120_000)]
    [MemberData(nameof(Hostile))]
    public async Task A_hostile_rule_file_is_refused_by_check_by_save_and_on_disk_and_the_app_still_answers(string what)
    {
        var (hostile, refusal) = HostileRuleDrafts.PayRateCaps[what];
        var officer = await factory.SignedInAsAsync(Officer);
        var edit = await officer.GetPageAsync("/Rules/Edit/pay-rate-caps");
        var good = factory.Rules.Read("pay-rate-caps.json");
        var draft = hostile(good);

        var checkedDraft = await Browsing.ParseAsync(await officer.SubmitAsync(edit, Fields(edit, draft), "/Rules/Edit/pay-rate-caps?handler=Check"));
        checkedDraft.Text("#problems").ShouldContain(refusal, Case.Sensitive, what);
        var saved = await officer.SubmitAsync(edit, Fields(edit, draft, "Trying it"), "/Rules/Edit/pay-rate-caps?handler=Save");
        saved.StatusCode.ShouldBe(HttpStatusCode.OK, "a refused save stays on the page");
        (await Browsing.ParseAsync(saved)).Text("#problems").ShouldContain(refusal, Case.Sensitive, what);
        factory.Rules.Read("pay-rate-caps.json").ShouldBe(good);

        using (var refused = RuleReload.Refused(factory.Services, "pay-rate-caps"))
        {
            factory.Rules.Replace("pay-rate-caps.json", draft);
            await refused.WithinAsync(TimeSpan.FromSeconds(30));
        }
        var banner = await RulesBannerAsync(officer);
        banner.ShouldContain(refusal, Case.Sensitive, what);
        banner.ShouldContain("the file on disk was refused. The last good version is still deciding.");

        using (var accepted = RuleReload.Accepted(factory.Services, "pay-rate-caps"))
        {
            factory.Rules.Replace("pay-rate-caps.json", good);
            await accepted.WithinAsync(TimeSpan.FromSeconds(30));
        }
        (await RulesBannerAsync(officer)).ShouldBeEmpty();
        (await officer.GetAsync("/health")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact(Timeout = 120_000)]
    public async Task Points_that_come_to_more_than_a_whole_number_fail_their_rule_and_the_shortlist_still_opens()
    {
        var officer = await factory.SignedInAsAsync(Officer);
        var edit = await officer.GetPageAsync("/Rules/Edit/local-candidate-preference");
        var good = factory.Rules.Read("local-candidate-preference.json");
        var saved = await officer.SubmitAsync(edit, Fields(edit, HostileRuleDrafts.PointsTooLargeForLu6(good), "Nearby points by district"),
            "/Rules/Edit/local-candidate-preference?handler=Save");
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, "no test case lives in LU6, so the draft saves");

        var recruiter = await factory.SignedInAsAsync(Placements.PlacementArrangement.Recruiter);
        var shortlist = await recruiter.GetAsync($"/Requisitions/{await OpenChildrensRequisitionAsync()}/Shortlist");

        shortlist.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await Browsing.ParseAsync(shortlist);
        page.QuerySelectorAll("#candidates tbody tr").ShouldNotBeEmpty();
        factory.Rules.Replace("local-candidate-preference.json", good);
    }

    [Fact]
    public async Task A_rule_or_value_pasted_twice_is_reported_by_check_instead_of_failing_the_page()
    {
        var officer = await factory.SignedInAsAsync(Officer);
        var edit = await officer.GetPageAsync("/Rules/Edit/pay-rate-caps");
        var good = factory.Rules.Read("pay-rate-caps.json");
        var twice = HostileRuleDrafts.Replace(good, "\"GlobalParams\": [", "\"GlobalParams\": [ { \"Name\": \"capSocialWorker\", \"Expression\": \"45.00m\" },");

        var response = await officer.SubmitAsync(edit, Fields(edit, twice), "/Rules/Edit/pay-rate-caps?handler=Check");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Browsing.ParseAsync(response)).Text("#problems").ShouldContain("'capSocialWorker' is named twice.");
    }

    // Where each button of the rules workspace posts the draft: changing and saving on the editor, trying on its own page, what-if on its own.
    private static string WorkspaceAction(string ruleSet, string action) => action switch
    {
        "TrySample" => $"/Rules/Try/{ruleSet}",
        "AddCase" or "UseRealCase" => $"/Rules/Try/{ruleSet}?handler={action}",
        "WhatIf" => $"/Rules/WhatIf/{ruleSet}",
        _ => $"/Rules/Edit/{ruleSet}?handler={action}",
    };

    [Theory]
    [InlineData("Apply")]
    [InlineData("Check")]
    [InlineData("TrySample")]
    [InlineData("AddCase")]
    [InlineData("WhatIf")]
    [InlineData("Save")]
    public async Task A_draft_with_a_lone_surrogate_escape_in_a_name_is_refused_by_every_edit_action_instead_of_failing_the_page(string handler)
    {
        var officer = await factory.SignedInAsAsync(Officer);
        var edit = await officer.GetPageAsync("/Rules/Edit/pay-rate-caps");
        var good = factory.Rules.Read("pay-rate-caps.json");
        var broken = HostileRuleDrafts.Replace(good, "\"RuleName\": \"GradeHasACap\"", "\"RuleName\": \"GradeHas\\ud800\"");
        var fields = new Dictionary<string, string>(edit.QuerySelectorAll<IHtmlInputElement>("#sample input, #named-values input").ToDictionary(i => i.Name!, i => i.Value))
        {
            ["CaseName"] = "A new case",
            ["Input.Comment"] = "Trying a broken name",
        };
        foreach (var (key, value) in Fields(edit, broken)) fields[key] = value;

        var response = await officer.SubmitAsync(edit, fields, WorkspaceAction("pay-rate-caps", handler));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        // Apply with no field changed only shows the draft again; every other action reads it and says what is wrong.
        if (handler != "Apply") (await Browsing.ParseAsync(response)).QuerySelector(".govuk-error-summary").ShouldNotBeNull();
        factory.Rules.Read("pay-rate-caps.json").ShouldBe(good);
    }

    [Theory]
    [InlineData("a key written twice", "\"WorkflowName\": \"pay-rate-caps\",", "\"WorkflowName\": \"pay-rate-caps\", \"WorkflowName\": \"pay-rate-caps\",", "A key appears twice")]
    [InlineData("a change dated in year 1", "\"From\": \"2026-04-01\"", "\"From\": \"0001-01-01\"", "out of range")]
    [InlineData("a change with its date written twice", "\"From\": \"2026-04-01\"", "\"From\": \"2026-04-01\", \"From\": \"2026-05-01\"", "A key appears twice")]
    [InlineData("an empty change", "\"Changes\": [ {", "\"Changes\": [ null, {", "A change is empty (null)")]
    public async Task A_draft_with_odd_dated_changes_is_explained_by_check_and_shown_by_every_action(string what, string find, string replace, string problem)
    {
        var officer = await factory.SignedInAsAsync(Officer);
        var edit = await officer.GetPageAsync("/Rules/Edit/pay-rate-caps");
        var draft = HostileRuleDrafts.Replace(factory.Rules.Read("pay-rate-caps.json"), find, replace);

        foreach (var handler in new[] { "Apply", "TrySample", "Check" })
        {
            var response = await officer.SubmitAsync(edit, Fields(edit, draft), WorkspaceAction("pay-rate-caps", handler));
            response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{what}: {handler}");
            if (handler == "Check") (await Browsing.ParseAsync(response)).Text("#problems").ShouldContain(problem, Case.Sensitive, what);
        }
    }

    [Fact(Timeout = 120_000)]
    public async Task A_draft_failing_a_hundred_rules_with_long_messages_for_every_placement_still_gives_a_what_if_page_of_a_bounded_size()
    {
        var officer = await factory.SignedInAsAsync(Officer);
        var edit = await officer.GetPageAsync("/Rules/Edit/pay-rate-caps");
        var document = System.Text.Json.Nodes.JsonNode.Parse(factory.Rules.Read("pay-rate-caps.json"))!;
        var rules = document["Rules"]!.AsArray();
        var padding = string.Join(' ', Enumerable.Repeat("This rate is refused while the review of every cap is under way.", 20));
        for (var i = rules.Count; i < 100; i++)
        {
            rules.Add(new System.Text.Json.Nodes.JsonObject
            {
                ["RuleName"] = $"UnderReview{i}", ["Expression"] = "input.PayRate < 0m", ["ErrorMessage"] = padding[..1_000],
                ["Properties"] = new System.Text.Json.Nodes.JsonObject { ["Outcome"] = "Refused" },
            });
        }

        var response = await officer.SubmitAsync(edit, Fields(edit, document.ToJsonString()), "/Rules/WhatIf/pay-rate-caps");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.Content.ReadAsStringAsync();
        var page = await Browsing.ParseAsync(response);
        page.Text("#what-if-summary").ShouldNotStartWith("No ");
        page.QuerySelector("#what-if-changes tbody tr")!.TextContent.ShouldContain("more rules failed");
        body.Length.ShouldBeLessThan(4_000_000, "500 listed cases of 5 reasons of 400 characters a side, and the rest of the page");
    }

    [Fact]
    public async Task Keeping_a_sample_when_the_test_cases_hold_an_empty_case_says_so_instead_of_failing_the_page()
    {
        var officer = await factory.SignedInAsAsync(Officer);
        var edit = await officer.GetPageAsync("/Rules/Edit/permanent-conversion-eligibility");
        // The whole sample as the page offers it, its list of reasons too: a fact left out is refused before the case is kept.
        var sample = edit.QuerySelectorAll("#sample input, #sample select")
            .ToDictionary(f => f.GetAttribute("name")!, f => f is IHtmlSelectElement choice ? choice.Value ?? string.Empty : ((IHtmlInputElement)f).Value);
        var fields = new Dictionary<string, string>(sample)
        {
            ["Input.Json"] = factory.Rules.Read("permanent-conversion-eligibility.json"),
            ["Input.TestCases"] = HostileRuleDrafts.Replace(edit.QuerySelector<IHtmlTextAreaElement>("textarea[name='Input.TestCases']")!.Value, "\"Cases\": [", "\"Cases\": [ null,"),
            ["StartedFrom"] = edit.QuerySelector<IHtmlInputElement>("input[name=StartedFrom]")!.Value,
            ["CaseName"] = "A new case",
        };

        var response = await officer.SubmitAsync(edit, fields, "/Rules/Try/permanent-conversion-eligibility?handler=AddCase");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Browsing.ParseAsync(response)).QuerySelector("main")!.TextContent.ShouldContain("A test case in the file is empty (null)");
    }

    private static Dictionary<string, string> Fields(IDocument edit, string json, string? comment = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.Json"] = json,
            ["Input.TestCases"] = edit.QuerySelector<IHtmlTextAreaElement>("textarea[name='Input.TestCases']")!.Value,
            ["StartedFrom"] = edit.QuerySelector<IHtmlInputElement>("input[name=StartedFrom]")!.Value,
        };
        if (comment is not null) fields["Input.Comment"] = comment;
        return fields;
    }

    // The rules page's banner about files refused on disk, its whitespace folded.
    private static async Task<string> RulesBannerAsync(HttpClient officer)
    {
        var page = await officer.GetPageAsync("/Rules");
        var banner = page.QuerySelector("#rule-problems")?.TextContent ?? string.Empty;
        return string.Join(' ', banner.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    private async Task<int> OpenChildrensRequisitionAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return db.Requisitions.Where(r => r.Status == RequisitionStatus.Open)
            .Join(db.ServiceAreas.Where(a => a.Code == "CSC"), r => r.ServiceAreaId, a => a.Id, (r, _) => r.Id)
            .OrderBy(id => id).First();
    }
}

/// <summary>
/// The app's first start with a hostile rule file already in rules/, as a bad first deployment leaves it: the database
/// holds no rules history yet, so nothing better can serve.
/// </summary>
public sealed class FirstDeploymentFactory : Connect2LutonFactory
{
    protected override bool ChangesRuleFiles => true;

    protected override bool StartsWithRulesHistory => false;
}

public sealed class HostileRuleAtStartTests(FirstDeploymentFactory factory) : IClassFixture<FirstDeploymentFactory>
{
    [Fact(Timeout = 120_000)]
    public async Task The_app_starts_and_serves_with_that_rule_set_marked_unavailable_and_health_says_which()
    {
        var (hostile, refusal) = HostileRuleDrafts.PayRateCaps["named values nested in brackets, each within the depth, together too deep"];
        // Before the app's first request, which starts it.
        factory.Rules.Replace("pay-rate-caps.json", hostile(factory.Rules.Read("pay-rate-caps.json")));
        factory.Rules.Replace("placement-length-limits.json", "{ \"WorkflowName\": \"placement-length-limits\", \"Rules\": [");

        var officer = await factory.SignedInAsAsync("policy@connect2luton.local");
        var health = await officer.GetAsync("/health");
        var rules = await officer.GetPageAsync("/Rules");
        var dashboard = await officer.GetAsync("/");

        health.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await health.Content.ReadAsStringAsync()).ShouldContain("Not serving: pay-rate-caps, placement-length-limits");
        rules.Text("#rule-problems").ShouldContain("Nothing can be decided with these rules until the file is fixed.");
        rules.Text("#rule-problems").ShouldContain(refusal);
        dashboard.StatusCode.ShouldBe(HttpStatusCode.OK, "the page everyone lands on opens without the length rules");
        (await Browsing.ParseAsync(dashboard)).Text("#no-bands").ShouldContain("not counted by length while the placement-length rules are not serving");

        // A page that needs the length rules says so, as a 503 in plain words, rather than failing.
        var admin = await factory.SignedInAsAsync("admin@connect2luton.local");
        var workforce = await admin.GetAsync("/Reports/Workforce");
        workforce.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await Browsing.ParseAsync(workforce)).QuerySelector("main")!.TextContent.ShouldContain("The placement length limits rules are not serving");

        // The officer opens the refused file in the workspace, sees why, and puts it right there.
        var edit = await officer.GetPageAsync("/Rules/Edit/placement-length-limits");
        edit.Text("#not-serving").ShouldContain("These rules are not serving");
        edit.Text("#problems").ShouldContain("The JSON cannot be read");
        edit.QuerySelector("#real-case").ShouldBeNull("real cases need the rules serving");
        // Posted anyway, trying a real case or what would change says why not and keeps the workspace.
        var repaired = File.ReadAllText(Path.Combine(RuleFiles.RepositoryDirectory, "placement-length-limits.json"));
        foreach (var action in new[] { "/Rules/Try/placement-length-limits?handler=UseRealCase", "/Rules/WhatIf/placement-length-limits" })
        {
            var tried = await officer.SubmitAsync(edit, new Dictionary<string, string> { ["Input.Json"] = repaired, ["RealCase.PlacementId"] = "1" }, action);
            tried.StatusCode.ShouldBe(HttpStatusCode.OK, action);
            (await Browsing.ParseAsync(tried)).Text(".govuk-error-summary").ShouldContain("once these rules are serving", Case.Sensitive, action);
        }
        var saved = await officer.SubmitAsync(edit, new Dictionary<string, string>
        {
            ["Input.Json"] = File.ReadAllText(Path.Combine(RuleFiles.RepositoryDirectory, "placement-length-limits.json")),
            ["Input.TestCases"] = edit.QuerySelector<IHtmlTextAreaElement>("textarea[name='Input.TestCases']")!.Value,
            ["Input.Comment"] = "Put back the file a bad deployment broke",
            ["StartedFrom"] = edit.QuerySelector<IHtmlInputElement>("input[name=StartedFrom]")!.Value,
        }, "/Rules/Edit/placement-length-limits?handler=Save");
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
        (await (await officer.GetAsync("/health")).Content.ReadAsStringAsync()).ShouldContain("\"Not serving: pay-rate-caps\"");
        (await admin.GetAsync("/Reports/Workforce")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
