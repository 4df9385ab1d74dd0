using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Connect2Luton.Application.Policies;
using Connect2Luton.Testing;
using Connect2Luton.Web.Tests.Placements;
using Connect2Luton.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Connect2Luton.Web.Tests.Rules;

/// <summary>An officer schedules new figures from a day: they decide from that day, and not before.</summary>
public sealed class DatedRuleChangeTests(RuleWorkspaceFactory factory) : IClassFixture<RuleWorkspaceFactory>
{
    private const string Officer = "policy@connect2luton.local";

    [Fact]
    public async Task A_cap_and_a_living_wage_scheduled_ahead_show_in_what_if_on_their_day_and_decide_bookings_that_run_into_it()
    {
        var arranged = await PlacementArrangement.ShortlistedAsync(factory);
        var changeDay = arranged.Start.AddDays(30);
        var client = await factory.SignedInAsAsync(Officer);
        var edit = await client.GetPageAsync("/Rules/Edit/pay-rate-caps");
        var changes = $"\"Changes\": [ {{ \"From\": \"{changeDay:yyyy-MM-dd}\", \"Expression\": \"50.00m\" }} ]";
        var draft = JsonOf(edit)
            .Replace("\"Name\": \"capSocialWorker\", \"Expression\": \"45.00m\",", $"\"Name\": \"capSocialWorker\", \"Expression\": \"45.00m\", {changes},", StringComparison.Ordinal)
            .Replace("{ \"From\": \"2026-04-01\", \"Expression\": \"12.71m\" }", $"{{ \"From\": \"2026-04-01\", \"Expression\": \"12.71m\" }}, {{ \"From\": \"{changeDay:yyyy-MM-dd}\", \"Expression\": \"13.50m\" }}", StringComparison.Ordinal);
        draft.ShouldNotBe(JsonOf(edit));

        var today = await WhatIfAsync(client, edit, draft, null);
        today.Text("#what-if-summary").ShouldStartWith("None of ", Case.Sensitive, "nothing changes before the day");
        var onTheDay = await WhatIfAsync(client, edit, draft, changeDay);
        onTheDay.Text("#what-if-summary").ShouldContain($"on {changeDay:d MMMM yyyy} would be decided differently");
        var rows = onTheDay.QuerySelectorAll("#what-if-changes tbody tr");
        rows.ShouldContain(r => r.TextContent.Contains("Over the cap: needs sign-off"), "the demo has social workers between £45 and £50");
        rows.ShouldContain(r => r.TextContent.Contains("below the National Living Wage of £13.50"), "the demo has care workers paid under £13.50");
        rows.ShouldAllBe(r => r.TextContent.Contains("Allowed") && (r.TextContent.Contains("Over the cap: needs sign-off") || r.TextContent.Contains("National Living Wage of £13.50")));
        var listed = rows.Select(r => int.Parse(r.Id!["what-if-".Length..], CultureInfo.InvariantCulture)).ToList();
        var ends = await PlacementArrangement.QueryAsync(factory, db => db.Placements.Where(p => listed.Contains(p.Id)).Select(p => p.PlannedEndDate).ToList());
        ends.ShouldAllBe(end => end >= changeDay, "a placement planned to end before the day is not decided as on it");
        var tooFar = await WhatIfAsync(client, edit, draft, Clocks.Today.AddYears(3));
        tooFar.Text("#WhatIfOn-error").ShouldContain("within 2 years of today");

        var saved = await client.SubmitAsync(edit, new Dictionary<string, string>
        {
            ["Input.Json"] = draft, ["Input.TestCases"] = CasesOf(edit), ["Input.Comment"] = "Regional review: social worker cap £50 and a higher living wage from next month",
            ["StartedFrom"] = edit.QuerySelector<IHtmlInputElement>("input[name=StartedFrom]")!.Value,
        }, "/Rules/Edit/pay-rate-caps?handler=Save");
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());

        var view = await client.GetPageAsync("/Rules/View/pay-rate-caps");
        view.Text("#named-values").ShouldContain($"from {changeDay:d MMMM yyyy}: £50.00 an hour");
        var policy = factory.Services.GetRequiredService<IPayRatePolicy>();
        var fortySeven = new PayRateFacts
        {
            AsOf = Clocks.Today, RoleTitle = "Social Worker (Children and Families)", JobFamily = "SocialCare", NjcGrade = "E", DfeRoleType = "SocialWorker",
            IsChildrensServices = true, IsInterim = false, PayRate = 37.00m, HolidayPay = 4.47m, EmployerNationalInsurance = 5.56m, EmployerPension = 0m,
            Margin = 5m, ChargeRate = 52.03m, WeeklyHours = 37m, SupplierKind = "LocalSupportingAgency",
        };
        (await policy.DecideAsync(fortySeven)).Outcome.ShouldBe(PayRateOutcome.NeedsException);
        (await policy.DecideAsync(fortySeven with { AsOf = changeDay })).Outcome.ShouldBe(PayRateOutcome.Allowed);

        // £13.00 an hour is above today's living wage but below the one from the change day.
        var recruiter = await factory.SignedInAsAsync(PlacementArrangement.Recruiter);
        var across = await Browsing.ParseAsync(await recruiter.SubmitAsync(await recruiter.GetPageAsync(arranged.BookingPath), arranged.Terms("13.00")));
        across.Text("#Input_PayRate-error").ShouldContain($"From {changeDay:d MMMM yyyy}, when the rules' figures change");
        across.Text("#Input_PayRate-error").ShouldContain("below the National Living Wage of £13.50");
        across.Text("#Input_PayRate-error").ShouldContain($"Book to {changeDay.AddDays(-1):d MMMM yyyy}");
        (await arranged.PlacementCountAsync(factory)).ShouldBe(0);

        var before = await recruiter.SubmitAsync(await recruiter.GetPageAsync(arranged.BookingPath), arranged.Terms("13.00", changeDay.AddDays(-1)));
        before.StatusCode.ShouldBe(HttpStatusCode.Redirect, "a placement that ends before the change is decided on today's figures");
    }

    private static async Task<IDocument> WhatIfAsync(HttpClient client, IDocument edit, string draft, DateOnly? on)
    {
        var form = new Dictionary<string, string>
        {
            ["Input.Json"] = draft, ["StartedFrom"] = edit.QuerySelector<IHtmlInputElement>("input[name=StartedFrom]")!.Value,
        };
        if (on is { } day)
        {
            form["WhatIfOn.Day"] = day.Day.ToString(CultureInfo.InvariantCulture);
            form["WhatIfOn.Month"] = day.Month.ToString(CultureInfo.InvariantCulture);
            form["WhatIfOn.Year"] = day.Year.ToString(CultureInfo.InvariantCulture);
        }
        return await Browsing.ParseAsync(await client.SubmitAsync(edit, form, "/Rules/WhatIf/pay-rate-caps"));
    }

    private static string CasesOf(IDocument edit) => edit.QuerySelector<IHtmlTextAreaElement>("textarea[name='Input.TestCases']")!.Value;

    private static string JsonOf(IDocument edit) => edit.QuerySelector<IHtmlTextAreaElement>("textarea[name='Input.Json']")!.Value;
}
