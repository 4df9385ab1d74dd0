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

        factory.Rules.Replace("pay-rate-caps.json", "{ \"WorkflowName\": \"pay-rate-caps\", \"Rules\": [ { \"RuleName\": ");
        IDocument rules;
        var deadline = DateTime.UtcNow.AddSeconds(20);
        do
        {
            await Task.Delay(200);
            rules = await officer.GetPageAsync("/Rules");
        }
        while (rules.QuerySelector("#rule-problems") is null && DateTime.UtcNow < deadline);

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

    private static string Version(IDocument rules) =>
        rules.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("Pay-rate caps", StringComparison.OrdinalIgnoreCase)).QuerySelector("code")!.TextContent;
}
