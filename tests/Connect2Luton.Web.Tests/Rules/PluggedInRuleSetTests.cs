using System.ComponentModel;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Connect2Luton.Application.Policies;
using Connect2Luton.Application.RuleSets;
using Connect2Luton.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Connect2Luton.Web.Tests.Rules;

/// <summary>The facts of a rule set the product does not ship: defined here, in the test, as a new module would define its own.</summary>
public sealed record OvertimeFacts : IDatedFacts
{
    [Description("The day the decision is made for.")]
    public required DateOnly AsOf { get; init; }

    [Description("The hours a week asked for.")]
    public required decimal WeeklyHours { get; init; }
}

/// <summary>
/// The app with a fifth rule set registered by the host and its two files in the rules folder, and nothing else
/// changed: the way the supplier-release rules and any later ones are added.
/// </summary>
public sealed class PluggedInRuleSetFactory : Connect2LutonFactory
{
    public static readonly RuleSetDefinition Overtime = new(
        "overtime-limits", "Overtime limits", typeof(OvertimeFacts), "Allowed", ["Refused"], [], RefusesChanges: true);

    protected override bool ChangesRuleFiles => true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Rules.Replace("overtime-limits.json", """
            {
              "WorkflowName": "overtime-limits",
              "Description": "The most hours a week a placement may ask for.",
              "GlobalParams": [
                { "Name": "mostWeeklyHours", "Expression": "48m", "Description": "The Working Time Regulations' average week." }
              ],
              "Rules": [
                {
                  "RuleName": "WithinTheWorkingWeek",
                  "Expression": "input.WeeklyHours <= mostWeeklyHours",
                  "SuccessEvent": "{input.WeeklyHours:0.##} hours a week is within {mostWeeklyHours:0.##}.",
                  "ErrorMessage": "{input.WeeklyHours:0.##} hours a week is over the {mostWeeklyHours:0.##} the rules allow.",
                  "Properties": { "Description": "No placement asks for more than the working week.", "Outcome": "Refused" }
                }
              ]
            }
            """);
        Directory.CreateDirectory(Rules.PathOf("tests"));
        Rules.Replace(Path.Combine("tests", "overtime-limits.cases.json"), """
            {
              "Defaults": { "AsOf": "2026-11-23", "WeeklyHours": 37 },
              "Cases": [
                { "Name": "A full-time week is allowed", "Facts": {}, "Expect": { "Outcome": "Allowed" } },
                { "Name": "Exactly 48 hours is allowed", "Facts": { "WeeklyHours": 48 }, "Expect": { "Outcome": "Allowed" } },
                { "Name": "An hour over is refused", "Facts": { "WeeklyHours": 49 }, "Expect": { "Outcome": "Refused", "Failed": [ "WithinTheWorkingWeek" ] } }
              ]
            }
            """);
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddRuleSet(Overtime));
    }
}

public sealed class PluggedInRuleSetTests(PluggedInRuleSetFactory factory) : IClassFixture<PluggedInRuleSetFactory>
{
    private const string Officer = "policy@connect2luton.local";

    [Fact]
    public async Task A_rule_set_registered_by_the_host_is_validated_served_listed_editable_tried_and_reported_with_no_other_code()
    {
        var officer = await factory.SignedInAsAsync(Officer);

        (await (await officer.GetAsync(new Uri("/health", UriKind.Relative))).Content.ReadAsStringAsync()).ShouldContain("6 rule sets serving");
        var rules = await officer.GetPageAsync("/Rules");
        rules.QuerySelectorAll("#rule-sets tbody tr").Select(r => r.TextContent).ShouldContain(r => r.Contains("Overtime limits") && r.Contains("Serving"));
        var view = await officer.GetPageAsync("/Rules/View/overtime-limits");
        view.Text("h1").ShouldBe("Overtime limits");
        view.QuerySelectorAll("#facts tbody tr").Select(r => r.TextContent).ShouldContain(r => r.Contains("input.WeeklyHours") && r.Contains("The hours a week asked for."));

        var decided = factory.Services.GetRequiredService<IRuleSetPublisher>().ServingTrial("overtime-limits")!
            .Decide(new OvertimeFacts { AsOf = new DateOnly(2026, 12, 4), WeeklyHours = 50m });
        decided.Outcome.ShouldBe("Refused");

        var edit = await officer.GetPageAsync("/Rules/Edit/overtime-limits");
        var json = edit.QuerySelector<IHtmlTextAreaElement>("textarea[name='Input.Json']")!.Value;
        Dictionary<string, string> Fields(string draft) => new()
        {
            ["Input.Json"] = draft, ["Input.TestCases"] = edit.QuerySelector<IHtmlTextAreaElement>("textarea[name='Input.TestCases']")!.Value,
            ["StartedFrom"] = edit.QuerySelector<IHtmlInputElement>("input[name=StartedFrom]")!.Value, ["Sample[AsOf]"] = "2026-12-04", ["Sample[WeeklyHours]"] = "50",
            ["Input.Comment"] = "Tried as a new module",
        };
        var tried = await Browsing.ParseAsync(await officer.SubmitAsync(edit, Fields(json), "/Rules/Try/overtime-limits"));
        tried.Text("#tried-outcome").ShouldBe("Refused");
        tried.QuerySelector(".govuk-error-summary").ShouldBeNull("a draft tried cleanly is no error");
        tried.Title.ShouldNotStartWith("Error");
        var broken = await Browsing.ParseAsync(await officer.SubmitAsync(edit, Fields(json.Replace("input.WeeklyHours <= mostWeeklyHours", "input.WeeklyHours.GetType() != null", StringComparison.Ordinal)),
            "/Rules/Edit/overtime-limits?handler=Check"));
        broken.Text("#problems").ShouldContain("'GetType' reaches into the program itself");
        var saved = await officer.SubmitAsync(edit, Fields(json.Replace("\"Description\": \"The most hours a week a placement may ask for.\"", "\"Description\": \"The most hours a week a placement may ask for, by the regulations.\"", StringComparison.Ordinal)),
            "/Rules/Edit/overtime-limits?handler=Save");
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
        saved.Headers.Location!.OriginalString.ShouldBe("/Rules/History/overtime-limits");
        (await officer.GetPageAsync("/Rules/History/overtime-limits")).Text("main").ShouldContain("Tried as a new module");

        var admin = await factory.SignedInAsAsync("admin@connect2luton.local");
        var refusals = await admin.GetPageAsync("/Reports/Refusals");
        refusals.Text("#by-month thead").ShouldContain("By the overtime limits");
    }
}
