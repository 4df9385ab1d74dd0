using System.Diagnostics;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Connect2Luton.Application.RuleSets;
using Connect2Luton.Infrastructure.Persistence;
using Connect2Luton.Infrastructure.Policies;
using Connect2Luton.Testing;
using Connect2Luton.Web.Tests.Placements;
using Connect2Luton.Web.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Connect2Luton.Web.Tests.Cluster;

/// <summary>
/// A policy officer's save on one node decides bookings on the other within the check interval (2 seconds by
/// default), though each node has its own rules/ folder: the database records which version serves.
/// </summary>
public sealed class RulesAcrossNodesTests(TwoNodesTests.Started cluster, ITestOutputHelper output) : IClassFixture<TwoNodesTests.Started>
{
    private const string SocialWorkerCap = "\"Name\": \"capSocialWorker\", \"Expression\": \"45.00m\"";

    private TwoNodes Nodes => cluster.Nodes;

    [Fact]
    public async Task A_cap_an_officer_saves_on_node_A_decides_a_booking_on_node_B_within_the_check_interval()
    {
        var arranged = await ArrangeAsync();
        using var recruiterOnB = await TwoNodes.SignedInAsync(Nodes.NodeB.Address, new CookieContainer(), PlacementArrangement.Recruiter);
        (await PayRateCheckAsync(recruiterOnB, arranged)).ShouldContain("over the DfE cap of £45.00");
        using var officerOnA = await TwoNodes.SignedInAsync(Nodes.NodeA.Address, new CookieContainer(), "policy@connect2luton.local");

        var edit = await officerOnA.GetPageAsync("/Rules/Edit/pay-rate-caps");
        var (json, cases) = Lowered(edit, "43.00m");
        using var saved = await officerOnA.SubmitAsync(edit, new Dictionary<string, string>
        {
            ["Input.Json"] = json,
            ["Input.TestCases"] = cases,
            ["Input.Comment"] = "DfE cap for social workers lowered to £43",
            ["StartedFrom"] = edit.QuerySelector<IHtmlInputElement>("input[name=StartedFrom]")!.Value,
        }, "/Rules/Edit/pay-rate-caps?handler=Save");
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
        var since = Stopwatch.StartNew();

        string decided;
        do
        {
            decided = await PayRateCheckAsync(recruiterOnB, arranged);
        }
        while (!decided.Contains("£43.00", StringComparison.Ordinal) && since.Elapsed < TimeSpan.FromSeconds(30));
        var took = since.Elapsed;
        output.WriteLine($"Saved on node A, decided with on node B after {took.TotalMilliseconds:N0} ms");

        decided.ShouldContain("over the DfE cap of £43.00");
        took.ShouldBeLessThan(TimeSpan.FromSeconds(10), "within the 2 s check, with room for a busy machine");
        Nodes.RulesB.Read("pay-rate-caps.json").ShouldBe(json, "node B writes what it serves to its own folder");
        using var health = new HttpClient { BaseAddress = Nodes.NodeB.Address };
        var report = await health.GetStringAsync(new Uri("/health", UriKind.Relative));
        report.ShouldContain("\"node\":\"node B\"");
        report.ShouldContain("\"pay-rate-caps\":{\"version\":2");
        var rules = await recruiterOnB.GetPageAsync("/Rules");
        rules.Text("#server").ShouldContain("server node B is serving");
        rules.QuerySelectorAll("#rule-sets tbody tr").Single(r => r.TextContent.Contains("Pay-rate caps", StringComparison.Ordinal)).TextContent.ShouldContain("Version 2");
    }

    private async Task<PlacementArrangement> ArrangeAsync()
    {
        // The nodes run on today's clock, not the tests' fixed one: the requisition starts a fortnight from today.
        var startsInDays = DateOnly.FromDateTime(DateTime.UtcNow).DayNumber - Clocks.Today.DayNumber + 14;
        var connection = new SqliteConnectionStringBuilder { DataSource = Nodes.Database.Path, Pooling = false, DefaultTimeout = 30 }.ToString();
        await using var db = new SqliteAppDbContext(
            (DbContextOptions<SqliteAppDbContext>)SqliteAppDbContext.Configure(new DbContextOptionsBuilder<SqliteAppDbContext>(), connection).Options,
            TestUser.Recruiter, Clocks.Fixed());
        return await PlacementArrangement.ShortlistedAsync(db, startsInDays: startsInDays);
    }

    private static async Task<string> PayRateCheckAsync(HttpClient recruiter, PlacementArrangement arranged)
    {
        var form = await recruiter.GetPageAsync(arranged.BookingPath);
        using var response = await recruiter.SubmitAsync(form, arranged.Terms("40.00"));
        return (await Browsing.ParseAsync(response)).Text("#pay-rate-check");
    }

    // The cap lowered, with the test cases pinned to it moved to the new boundary as the workspace moves them.
    private static (string Json, string Cases) Lowered(IDocument edit, string cap)
    {
        var json = edit.QuerySelector<IHtmlTextAreaElement>("textarea[name='Input.Json']")!.Value
            .Replace(SocialWorkerCap, $"\"Name\": \"capSocialWorker\", \"Expression\": \"{cap}\"", StringComparison.Ordinal);
        var draft = RuleSetCompiler.Compile(RuleSetDefinition.PayRateCaps, json, null, runTestCases: false).RuleSet.ShouldNotBeNull();
        var cases = CaseBoundaries.Review(draft, edit.QuerySelector<IHtmlTextAreaElement>("textarea[name='Input.TestCases']")!.Value, moveBoundaries: true).TestCasesJson!;
        return (json, cases);
    }
}
