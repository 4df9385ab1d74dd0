using System.Net;
using Connect2Luton.Application.Policies;
using Connect2Luton.Domain.Decisions;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Domain.Requisitions;
using Connect2Luton.Domain.SupplyAgencies;
using Connect2Luton.Testing;
using Connect2Luton.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Connect2Luton.Web.Tests.Placements;

public sealed class BookingTests(Connect2LutonFactory factory) : IClassFixture<Connect2LutonFactory>
{
    private const string Manager = "manager@connect2luton.local";

    [Fact]
    public async Task The_dfe_cooling_off_is_decided_again_at_booking_against_the_start_date_not_the_day_of_shortlisting()
    {
        // Left a permanent social work post in the region 3 months and 5 days ago: past the 3-month cooling-off
        // today, but not on a start date dated back 10 days.
        var arranged = await PlacementArrangement.ShortlistedAsync(factory, startsInDays: -10,
            worker: w => w.LeftCouncil("Bedford Borough Council", "East of England", Clocks.Today.AddMonths(-3).AddDays(-5)));
        var recruiter = await factory.SignedInAsAsync(PlacementArrangement.Recruiter);
        var form = await recruiter.GetPageAsync(arranged.BookingPath);

        var refused = await Browsing.ParseAsync(await recruiter.SubmitAsync(form, arranged.Terms("30.00")));

        var summary = refused.Text(".govuk-error-summary");
        summary.ShouldContain($"On the start date, {arranged.Start:d MMMM yyyy}, {arranged.WorkerName} cannot be engaged for this role");
        summary.ShouldContain("Bedford Borough Council 2 months ago");
        (await arranged.PlacementCountAsync(factory)).ShouldBe(0);
    }

    [Fact]
    public async Task The_booking_form_says_the_most_that_stays_within_the_cap_as_the_rules_decide_it()
    {
        var arranged = await PlacementArrangement.ShortlistedAsync(factory);
        var recruiter = await factory.SignedInAsAsync(PlacementArrangement.Recruiter);
        var form = await recruiter.GetPageAsync(arranged.BookingPath);
        async Task<string> CheckAsync(string pay) => (await Browsing.ParseAsync(await recruiter.SubmitAsync(form, arranged.Terms(pay),
            $"/Placements/New?handler=Check&requisition={arranged.RequisitionId}&worker={arranged.WorkerId}"))).Text("#pay-rate-check");

        // £34.92 with holiday pay (12.07%) and employer NI (15%) is £44.98 to £45.00; a penny more goes over.
        form.Text("#pay-headroom").ShouldStartWith("Up to £34.92 an hour needs no sign-off");
        form.Text("#pay-headroom").ShouldContain("over the DfE cap of £45.00");
        (await CheckAsync("34.92")).ShouldContain("within the DfE cap of £45.00");
        // The live check sends the headroom again for the dates typed, to swap in beside the rate.
        var live = await Browsing.ParseAsync(await recruiter.SubmitAsync(form, arranged.Terms("50.00"),
            $"/Placements/New?handler=Check&requisition={arranged.RequisitionId}&worker={arranged.WorkerId}"));
        live.QuerySelector("#pay-headroom-box")!.GetAttribute("hx-swap-oob").ShouldBe("true");
        live.Text("#pay-headroom").ShouldStartWith("Up to £34.92 an hour needs no sign-off");
        (await CheckAsync("34.93")).ShouldContain("over the DfE cap of £45.00");
    }

    [Fact]
    public async Task A_rate_over_the_DfE_cap_is_booked_waiting_for_the_posts_the_rule_names_and_starts_once_their_holders_have_signed_it_off()
    {
        var arranged = await PlacementArrangement.ShortlistedAsync(factory);
        var recruiter = await factory.SignedInAsAsync(PlacementArrangement.Recruiter);
        var form = await recruiter.GetPageAsync(arranged.BookingPath);
        form.QuerySelector("#Input_WeeklyHours")!.GetAttribute("value").ShouldBe("37", "the requisition's hours are the starting point");

        var unsigned = await Browsing.ParseAsync(await recruiter.SubmitAsync(form, arranged.Terms("40.00")));
        unsigned.Text("#Input_CapReason-error").ShouldBe("Error: This rate is over its cap: enter why it is needed, for the Director of Children's Services and the Chief Executive to read when they sign it off");
        unsigned.Text("#cap-exception-hint").ShouldContain("saved waiting for sign-off by the Director of Children's Services and the Chief Executive");
        unsigned.QuerySelector("#unheld-posts").ShouldBeNull("the demo data gives both posts a holder");
        unsigned.Text("#pay-rate-check").ShouldContain("over the DfE cap of £45.00");
        (await arranged.PlacementCountAsync(factory)).ShouldBe(0);

        var signed = arranged.Terms("40.00");
        signed["Input.CapReason"] = "No social worker available within the cap for a court deadline";
        var response = await recruiter.SubmitAsync(unsigned, signed);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var page = await recruiter.GetPageAsync(response.Headers.Location!.ToString());

        page.Text("#done").ShouldContain($"{arranged.WorkerName} is booked, waiting for sign-off by the Director of Children's Services and the Chief Executive");
        page.Text("#status").ShouldBe("Waiting for sign-off");
        page.Text("#cap-exceptions").ShouldContain("Director of Children's Services: waiting; Chief Executive: waiting");
        page.QuerySelector("#actions")!.TextContent.ShouldContain("Call off the booking");
        var decisions = page.QuerySelectorAll("#decisions [data-rule-set]").Select(d => d.GetAttribute("data-rule-set")).ToList();
        decisions.ShouldBe(["pay-rate-caps", "placement-length-limits"], ignoreOrder: true);
        page.QuerySelector("#decisions [data-rule-set='pay-rate-caps']")!.TextContent.ShouldContain("Over the cap: needs sign-off");
        // The facts the rules were given, as the rules workspace describes them, not as stored.
        var facts = page.QuerySelector("#decisions [data-rule-set='pay-rate-caps'] .app-facts")!;
        var fact = facts.QuerySelectorAll(".govuk-summary-list__row").ToDictionary(r => r.QuerySelector("dt")!.TextContent.Trim(), r => r.QuerySelector("dd")!.TextContent.Trim());
        fact["The worker's hourly pay"].ShouldBe("£40.00");
        fact["The placement is in a children's services area"].ShouldBe("Yes");
        fact["Contracted hours a week"].ShouldBe("37");
        fact["The day the decision is made for"].ShouldMatch(@"^\d{1,2} [A-Z][a-z]+ \d{4}$");
        facts.TextContent.ShouldNotContain("payRate");
        facts.TextContent.ShouldNotContain("{");
        var expected = ChargeRates.Price(40m, SupplyAgencyKind.InHousePool, arranged.MarginRate, new OnCostRates(0.1207m, 0.15m, 0.03m, ""));
        page.Text("#charge-rate").ShouldBe(Pounds(expected.ChargeRate));

        var register = await recruiter.GetPageAsync("/Placements?show=All&overcap=true");
        register.QuerySelectorAll("tbody a").Select(a => a.GetAttribute("href")).ShouldContain(response.Headers.Location!.ToString());
        (await arranged.RequisitionStatusAsync(factory)).ShouldBe(RequisitionStatus.Filled);
        (await PlacementArrangement.QueryAsync(factory, db => db.Requisitions.Include(r => r.Shortlist).Single(r => r.Id == arranged.RequisitionId).Shortlist.Single().Status))
            .ShouldBe(ShortlistEntryStatus.Placed);

        // Sent twice (a double click, the back button), the booking shows the placement it made, and makes no other.
        var again = await recruiter.SubmitAsync(unsigned, signed);
        again.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        again.Headers.Location!.ToString().ShouldBe(response.Headers.Location!.ToString());
        (await arranged.PlacementCountAsync(factory)).ShouldBe(1);
        var shown = await recruiter.GetPageAsync(again.Headers.Location!.ToString());
        shown.QuerySelector("#done").ShouldBeNull("nothing was done by the second send");
        shown.Text("#brought-here").ShouldContain($"{arranged.WorkerName} is already booked on this requisition");
        shown.Text("#brought-here-title").ShouldBe("Important");
        RegisterRow(await recruiter.GetPageAsync("/Reports/CapExceptions"), arranged.WorkerName).ShouldContain("Waiting for sign-off");

        // The recruiter cannot sign; each post's holder reads the request and signs it off, and then it is booked.
        var placementId = int.Parse(response.Headers.Location!.ToString().Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        var signOffs = await PlacementArrangement.QueryAsync(factory, db => db.Set<SignOff>().Where(s => s.PlacementId == placementId).OrderBy(s => s.Id).Select(s => s.Id).ToList());
        (await recruiter.GetAsync(new Uri($"/SignOffs/{signOffs[0]}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Redirect, "refused: the recruiter holds neither post");
        foreach (var (holder, id) in new[] { ("dcs@connect2luton.local", signOffs[0]), ("chief.executive@connect2luton.local", signOffs[1]) })
        {
            var signer = await factory.SignedInAsAsync(holder);
            (await signer.GetPageAsync("/")).Text("#sign-offs-waiting").ShouldContain("waiting for your sign-off");
            var request = await signer.GetPageAsync($"/SignOffs/{id}");
            request.Text("#reason").ShouldBe("No social worker available within the cap for a court deadline");
            request.Text("#reasons").ShouldContain("over the DfE cap of £45.00");
            (await signer.SubmitAsync(request, new Dictionary<string, string>(), $"/SignOffs/{id}?handler=Give")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        page = await recruiter.GetPageAsync(response.Headers.Location!.ToString());
        page.Text("#status").ShouldBe("Booked");
        page.Text("#cap-exceptions").ShouldContain("Director of Children's Services: Helen Okafor");
        page.Text("#cap-exceptions").ShouldContain("Chief Executive: Robin Porter");
        RegisterRow(await recruiter.GetPageAsync("/Reports/CapExceptions"), arranged.WorkerName).ShouldContain("Signed off");
    }

    [Fact]
    public async Task A_booking_waiting_for_sign_off_on_its_start_day_can_be_called_off_and_gives_its_position_back()
    {
        var arranged = await PlacementArrangement.ShortlistedAsync(factory, startsInDays: 0);
        var recruiter = await factory.SignedInAsAsync(PlacementArrangement.Recruiter);
        var terms = arranged.Terms("40.00");
        terms["Input.CapReason"] = "Court deadline";
        var booked = await recruiter.SubmitAsync(await recruiter.GetPageAsync(arranged.BookingPath), terms);
        booked.StatusCode.ShouldBe(HttpStatusCode.Redirect, await booked.Content.ReadAsStringAsync());
        var placement = booked.Headers.Location!.ToString();
        (await arranged.RequisitionStatusAsync(factory)).ShouldBe(RequisitionStatus.Filled);
        (await recruiter.GetPageAsync(placement)).QuerySelectorAll("#details .govuk-summary-list__row").Single(r => r.TextContent.Contains("Weeks in post", StringComparison.Ordinal))
            .QuerySelector("dd")!.TextContent.Trim().ShouldBe("0", "waiting for sign-off, it has not started");

        var end = await recruiter.GetPageAsync($"{placement}/End");
        var called = await recruiter.SubmitAsync(end, new Dictionary<string, string> { ["Input.Reason"] = "The worker took another post" });

        called.StatusCode.ShouldBe(HttpStatusCode.Redirect, await called.Content.ReadAsStringAsync());
        (await recruiter.GetPageAsync(placement)).Text("#status").ShouldBe("Cancelled");
        (await arranged.RequisitionStatusAsync(factory)).ShouldBe(RequisitionStatus.Open, "the position it held is free to book again");
        RegisterRow(await recruiter.GetPageAsync("/Reports/CapExceptions"), arranged.WorkerName).ShouldContain("Called off");
    }

    private static string RegisterRow(AngleSharp.Dom.IDocument register, string worker) =>
        register.QuerySelectorAll("#register tbody tr").Single(r => r.TextContent.Contains(worker, StringComparison.Ordinal)).TextContent;

    [Fact]
    public async Task A_booking_the_rules_refuse_saves_nothing_but_the_refusal_which_the_refusals_report_lists()
    {
        var arranged = await PlacementArrangement.ShortlistedAsync(factory);
        var recruiter = await factory.SignedInAsAsync(PlacementArrangement.Recruiter);
        var form = await recruiter.GetPageAsync(arranged.BookingPath);

        var refused = await Browsing.ParseAsync(await recruiter.SubmitAsync(form, arranged.Terms("11.50")));
        var wrongHours = arranged.Terms("30.00");
        wrongHours["Input.WeeklyHours"] = "400";
        await recruiter.SubmitAsync(form, wrongHours);

        refused.Text("#Input_PayRate-error").ShouldContain("below the National Living Wage");
        (await arranged.PlacementCountAsync(factory)).ShouldBe(0);
        var kept = await PlacementArrangement.QueryAsync(factory, db => db.RuleDecisions.AsNoTracking()
            .Where(d => d.RequisitionId == arranged.RequisitionId && d.Refused != null).ToList());
        var decision = kept.ShouldHaveSingleItem("hours out of range are the recruiter's to correct, not a rule's refusal");
        (decision.RuleSet, decision.Outcome, decision.Refused, decision.WorkerId, decision.DecidedBy)
            .ShouldBe(("pay-rate-caps", "Refused", RefusedChange.Booking, arranged.WorkerId, PlacementArrangement.Recruiter));
        decision.Reasons.ShouldContain(r => !r.Passed && r.Outcome == "Refused");

        var report = await recruiter.GetPageAsync("/Reports/Refusals");
        report.QuerySelectorAll("#refusals a").Select(a => a.GetAttribute("href")).ShouldContain($"/Requisitions/{arranged.RequisitionId}");
        report.Text("#by-rule").ShouldContain("National Living Wage");
        var csv = await (await recruiter.GetAsync(new Uri("/Reports/Refusals?handler=Csv&table=refusals", UriKind.Relative))).Content.ReadAsStringAsync();
        csv.Split("\r\n").ShouldContain(line => line.Contains($",Pay-rate caps,Booking,{arranged.RequisitionId},{arranged.WorkerId},,", StringComparison.Ordinal));
    }

    public static TheoryData<string, string, string, string> BadTerms => new()
    {
        { "Input.PayRate", "abc", "Input_PayRate", "The pay rate must be a number" },
        { "Input.PayRate", "-5", "Input_PayRate", "The pay rate must be more than £0" },
        { "Input.PayRate", "100000", "Input_PayRate", "The pay rate must be £500.00 or less" },
        { "Input.PayRate", "11.50", "Input_PayRate", "below the National Living Wage of £12.71" },
        { "Input.WeeklyHours", "400", "Input_WeeklyHours", "Weekly hours must be between 1 and 60" },
        { "Input.WeeklyHours", "37.555", "Input_WeeklyHours", "Enter the weekly hours to 2 decimal places at most" },
        { "Input.EndDate.Year", "2025", "Input_EndDate", "The planned end date must be the same as or after the start date" },
        { "Input.EndDate.Year", "2028", "Input_EndDate", "A first booking may run at most 26 weeks" },
        { "Input.StartDate.Month", "13", "Input_StartDate", "The start date must be a real date" },
        { "Input.CapReason", "<script>alert(1)</script>", "Input_CapReason", "The reason must not contain < or >" },
    };

    [Theory]
    [MemberData(nameof(BadTerms))]
    public async Task Bad_terms_get_a_message_at_the_field_and_book_nothing(string field, string value, string id, string message)
    {
        var arranged = await PlacementArrangement.ShortlistedAsync(factory);
        var recruiter = await factory.SignedInAsAsync(PlacementArrangement.Recruiter);
        var form = await recruiter.GetPageAsync(arranged.BookingPath);
        var terms = arranged.Terms("30.00");
        terms[field] = value;

        var response = await recruiter.SubmitAsync(form, terms);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await Browsing.ParseAsync(response);
        page.Text($"#{id}-error").ShouldContain(message);
        page.Text(".govuk-error-summary").ShouldContain(message);
        (await arranged.PlacementCountAsync(factory)).ShouldBe(0);
    }

    [Fact]
    public async Task The_live_check_answers_with_the_cap_verdict_and_the_charge_breakdown_to_show_beside_the_fields()
    {
        var arranged = await PlacementArrangement.ShortlistedAsync(factory);
        var recruiter = await factory.SignedInAsAsync(PlacementArrangement.Recruiter);
        var form = await recruiter.GetPageAsync(arranged.BookingPath);
        form.QuerySelector("[hx-post]")!.GetAttribute("hx-post").ShouldBe($"/Placements/New?requisition={arranged.RequisitionId}&worker={arranged.WorkerId}&handler=Check");

        var answer = await Browsing.ParseAsync(await recruiter.SubmitAsync(form, arranged.Terms("33.50"), form.QuerySelector("[hx-post]")!.GetAttribute("hx-post")));

        var payCheck = answer.QuerySelector("#pay-rate-check")!;
        payCheck.GetAttribute("hx-swap-oob").ShouldBe("true");
        payCheck.QuerySelector("[data-outcome]")!.GetAttribute("data-outcome").ShouldBe("Allowed");
        payCheck.TextContent.ShouldContain("within the DfE cap of £45.00");
        answer.QuerySelector("#length-check [data-outcome]")!.GetAttribute("data-outcome").ShouldBe("Allowed");
        var expected = ChargeRates.Price(33.50m, SupplyAgencyKind.InHousePool, arranged.MarginRate, new OnCostRates(0.1207m, 0.15m, 0.03m, ""));
        answer.Text("#charge-rate").ShouldBe($"{Pounds(expected.ChargeRate)} an hour");
        answer.Text("#weekly-charge").ShouldBe(Pounds(Math.Round(expected.ChargeRate * 37m, 2)));
        answer.QuerySelector("#cap-exception input").ShouldBeNull("no sign-off is asked for within the cap");
        (await arranged.PlacementCountAsync(factory)).ShouldBe(0);
    }

    private static string Pounds(decimal amount) => amount.ToString("C", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));

    [Fact]
    public async Task A_live_check_arriving_after_the_worker_was_booked_answers_with_nothing_to_swap_in()
    {
        var arranged = await PlacementArrangement.ShortlistedAsync(factory);
        var recruiter = await factory.SignedInAsAsync(PlacementArrangement.Recruiter);
        var form = await recruiter.GetPageAsync(arranged.BookingPath);
        await arranged.BookAsync(recruiter);

        var late = await recruiter.SubmitAsync(form, arranged.Terms("30.00"),
            $"/Placements/New?handler=Check&requisition={arranged.RequisitionId}&worker={arranged.WorkerId}");

        late.StatusCode.ShouldBe(HttpStatusCode.NoContent, "the form's last check can still be on its way when the booking is made");
        (await arranged.PlacementCountAsync(factory)).ShouldBe(1);
    }

    [Fact]
    public async Task A_worker_already_booked_for_those_dates_cannot_be_booked_again()
    {
        var first = await PlacementArrangement.ShortlistedAsync(factory);
        var recruiter = await factory.SignedInAsAsync(PlacementArrangement.Recruiter);
        await first.BookAsync(recruiter);
        var second = await PlacementArrangement.ShortlistedAsync(factory);
        await PlacementArrangement.QueryAsync(factory, db =>
        {
            var requisition = db.Requisitions.Include(r => r.Shortlist).Single(r => r.Id == second.RequisitionId);
            requisition.AddToShortlist(first.WorkerId, "Local", 40, null, PlacementArrangement.Recruiter, Connect2Luton.Testing.Clocks.Now);
            return db.SaveChanges();
        });
        var again = second with { WorkerId = first.WorkerId };

        var page = await Browsing.ParseAsync(await recruiter.SubmitAsync(await recruiter.GetPageAsync(again.BookingPath), again.Terms("30.00")));

        page.Text("#Input_StartDate-error").ShouldContain("is already booked from");
        (await first.PlacementCountAsync(factory)).ShouldBe(1);
    }

    [Fact]
    public async Task Only_recruiters_book_and_only_shortlisted_workers_can_be_booked()
    {
        var arranged = await PlacementArrangement.ShortlistedAsync(factory);
        var manager = await factory.SignedInAsAsync(Manager);
        var recruiter = await factory.SignedInAsAsync(PlacementArrangement.Recruiter);

        var refused = await manager.GetAsync(new Uri(arranged.BookingPath, UriKind.Relative));
        refused.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
        var forged = await manager.SubmitAsync(await manager.GetPageAsync("/Placements"), arranged.Terms("30.00"), arranged.BookingPath);
        forged.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
        (await recruiter.GetAsync(new Uri($"/Placements/New?requisition={arranged.RequisitionId}&worker=999999", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await recruiter.GetAsync(new Uri("/Placements/New?requisition=abc&worker=", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await arranged.PlacementCountAsync(factory)).ShouldBe(0);
    }
}
