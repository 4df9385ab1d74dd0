using AngleSharp.Dom;
using Connect2Luton.Web.Tests.Placements;
using Connect2Luton.Web.Tests.Rules;
using Connect2Luton.Web.Tests.Support;

namespace Connect2Luton.Web.Tests.Faults;

/// <summary>Rule files broken on disk under the running app (on its own copy of rules/), as a bad deployment or a stray editor would.</summary>
public sealed class RuleFileFaultTests(RuleWorkspaceFactory factory) : IClassFixture<RuleWorkspaceFactory>
{
    [Fact]
    public async Task A_rule_file_corrupted_while_serving_leaves_the_last_good_version_deciding_bookings_and_officers_are_told()
    {
        var officer = await factory.SignedInAsAsync("policy@connect2luton.local");
        var serving = Version(await officer.GetPageAsync("/Rules"));
        var arranged = await PlacementArrangement.ShortlistedAsync(factory);
        var recruiter = await factory.SignedInAsAsync(PlacementArrangement.Recruiter);

        using (var refused = RuleReload.Refused(factory.Services, "pay-rate-caps"))
        {
            factory.Rules.Replace("pay-rate-caps.json", "{ \"WorkflowName\": \"pay-rate-caps\", \"Rules\": [ { \"RuleName\": ");
            await refused.WithinAsync(TimeSpan.FromSeconds(20));
        }
        var rules = await officer.GetPageAsync("/Rules");

        var banner = string.Join(' ', rules.Text("#rule-problems").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        banner.ShouldContain("the file on disk was refused. The last good version is still deciding.");
        banner.ShouldContain("The JSON cannot be read");
        Version(rules).ShouldBe(serving);
        // A booking over the cap is still measured against the cap the good file set.
        var form = await recruiter.GetPageAsync(arranged.BookingPath);
        var checkedTerms = await Browsing.ParseAsync(await recruiter.SubmitAsync(form, arranged.Terms("40.00")));
        checkedTerms.Text("#pay-rate-check").ShouldContain("over the DfE cap of £45.00");
        (await arranged.PlacementCountAsync(factory)).ShouldBe(0);
    }

    [Fact]
    public async Task A_save_the_disk_refuses_is_reported_on_the_page_keeps_the_draft_and_changes_nothing()
    {
        var officer = await factory.SignedInAsAsync("policy@connect2luton.local");
        var edit = await officer.GetPageAsync("/Rules/Edit/placement-length-limits");
        var good = factory.Rules.Read("placement-length-limits.json");
        var draft = good.Replace("flagged for review.", "flagged for review by HR.", StringComparison.Ordinal);
        draft.ShouldNotBe(good);
        var path = factory.Rules.PathOf("placement-length-limits.json");
        // A folder where the file should be: what a bad deployment or a mount gone wrong leaves behind.
        File.Delete(path);
        Directory.CreateDirectory(path);
        try
        {
            var response = await officer.SubmitAsync(edit, new Dictionary<string, string>
            {
                ["Input.Json"] = draft,
                ["Input.TestCases"] = edit.QuerySelector<AngleSharp.Html.Dom.IHtmlTextAreaElement>("textarea[name='Input.TestCases']")!.Value,
                ["Input.Comment"] = "Say who reviews",
                ["StartedFrom"] = edit.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=StartedFrom]")!.Value,
            }, "/Rules/Edit/placement-length-limits?handler=Save");

            response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
            var page = await Browsing.ParseAsync(response);
            page.Text("#problems").ShouldContain("could not be written to");
            page.Text("#problems").ShouldContain("the version serving now keeps serving");
            page.QuerySelector<AngleSharp.Html.Dom.IHtmlTextAreaElement>("textarea[name='Input.Json']")!.Value.ShouldContain("flagged for review by HR.");
        }
        finally
        {
            Directory.Delete(path);
            File.WriteAllText(path, good);
        }
    }

    private static string Version(IDocument rules) =>
        rules.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("Pay-rate caps", StringComparison.OrdinalIgnoreCase)).QuerySelector("code")!.TextContent;
}
