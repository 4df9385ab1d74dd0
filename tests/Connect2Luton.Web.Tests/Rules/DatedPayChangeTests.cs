using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Connect2Luton.Web.Tests.Placements;
using Connect2Luton.Web.Tests.Support;

namespace Connect2Luton.Web.Tests.Rules;

/// <summary>
/// Pay-rate figures scheduled ahead reach the placements that run into them: a booking is priced again with a new
/// National Insurance rate, and an extension is held to a living wage that starts within it.
/// </summary>
public sealed class DatedPayChangeTests(RuleWorkspaceFactory factory) : IClassFixture<RuleWorkspaceFactory>
{
    private const string Officer = "policy@connect2luton.local";

    [Fact]
    public async Task A_booking_that_runs_into_a_higher_National_Insurance_rate_is_priced_with_it_and_needs_the_cap_sign_off()
    {
        var arranged = await PlacementArrangement.ShortlistedAsync(factory);
        var changeDay = arranged.Start.AddDays(28);
        await ScheduleAsync("\"Name\": \"employerNationalInsuranceRate\", \"Expression\": \"0.15m\",", changeDay, "0.25m");
        var recruiter = await factory.SignedInAsAsync(PlacementArrangement.Recruiter);

        // £34.90 with holiday pay and 15% NI is £44.98, within the £45.00 cap; with 25% NI it is £48.89, over it.
        var across = await Browsing.ParseAsync(await recruiter.SubmitAsync(await recruiter.GetPageAsync(arranged.BookingPath), arranged.Terms("34.90")));
        across.Text("#Input_CapReason-error").ShouldContain($"From {changeDay:d MMMM yyyy}, when the rules' figures change: This rate is over its cap");
        (await arranged.PlacementCountAsync(factory)).ShouldBe(0);

        var before = await recruiter.SubmitAsync(await recruiter.GetPageAsync(arranged.BookingPath), arranged.Terms("34.90", changeDay.AddDays(-1)));
        before.StatusCode.ShouldBe(HttpStatusCode.Redirect, "ending before the new rate, it is within the cap throughout");
    }

    [Fact]
    public async Task An_extension_into_a_higher_living_wage_is_refused_for_a_rate_below_it_and_allowed_up_to_the_day_before()
    {
        var arranged = await PlacementArrangement.ShortlistedAsync(factory);
        var recruiter = await factory.SignedInAsAsync(PlacementArrangement.Recruiter);
        var placement = await arranged.BookAsync(recruiter, "13.00");
        var changeDay = arranged.End.AddDays(10);
        await ScheduleAsync("{ \"From\": \"2026-04-01\", \"Expression\": \"12.71m\" }", changeDay, "13.50m", addToChanges: true);
        var form = await recruiter.GetPageAsync($"{placement}/Extend");

        var into = await Browsing.ParseAsync(await recruiter.SubmitAsync(form, Extension(changeDay.AddDays(30))));

        into.Text("#Input_NewEndDate-error").ShouldContain($"From {changeDay:d MMMM yyyy}, when the pay-rate rules' figures change");
        into.Text("#Input_NewEndDate-error").ShouldContain("below the National Living Wage of £13.50");
        into.Text("#Input_NewEndDate-error").ShouldContain($"Extend to {changeDay.AddDays(-1):d MMMM yyyy} at the most");
        var upTo = await recruiter.SubmitAsync(form, Extension(changeDay.AddDays(-1)));
        upTo.StatusCode.ShouldBe(HttpStatusCode.Redirect, await upTo.Content.ReadAsStringAsync());
    }

    private static Dictionary<string, string> Extension(DateOnly end) => new()
    {
        ["Input.NewEndDate.Day"] = end.Day.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Input.NewEndDate.Month"] = end.Month.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Input.NewEndDate.Year"] = end.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Input.Reason"] = "Caseload still allocated",
        ["Input.ApprovedBy"] = "Sam Jones",
    };

    // Saves the pay-rate caps with a change from a day: after the value's Expression, or added to its Changes.
    private async Task ScheduleAsync(string after, DateOnly from, string expression, bool addToChanges = false)
    {
        var officer = await factory.SignedInAsAsync(Officer);
        var edit = await officer.GetPageAsync("/Rules/Edit/pay-rate-caps");
        var json = JsonOf(edit);
        json.ShouldContain(after);
        var change = $"{{ \"From\": \"{from:yyyy-MM-dd}\", \"Expression\": \"{expression}\" }}";
        var draft = json.Replace(after, addToChanges ? $"{after}, {change}" : $"{after} \"Changes\": [ {change} ],", StringComparison.Ordinal);
        var saved = await officer.SubmitAsync(edit, new Dictionary<string, string>
        {
            ["Input.Json"] = draft, ["Input.TestCases"] = edit.QuerySelector<IHtmlTextAreaElement>("textarea[name='Input.TestCases']")!.Value,
            ["Input.Comment"] = $"Scheduled from {from:d MMMM yyyy}", ["StartedFrom"] = edit.QuerySelector<IHtmlInputElement>("input[name=StartedFrom]")!.Value,
        }, "/Rules/Edit/pay-rate-caps?handler=Save");
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
    }

    private static string JsonOf(IDocument edit) => edit.QuerySelector<IHtmlTextAreaElement>("textarea[name='Input.Json']")!.Value;
}
