using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Connect2Luton.Application.Policies;
using Connect2Luton.Testing;
using Connect2Luton.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Connect2Luton.Web.Tests.Rules;

/// <summary>
/// An officer sets a value from a later day in its own fields ("£47.00 from 1 April 2027"): the workspace shows what
/// is in force now and what is coming, decisions take the new value on its day, and on that day the field holds it.
/// </summary>
public sealed class ScheduledValueTests(RuleWorkspaceFactory factory) : IClassFixture<RuleWorkspaceFactory>
{
    private const string Officer = "policy@connect2luton.local";

    [Fact]
    public async Task A_cap_set_from_a_later_day_shows_as_coming_decides_from_that_day_and_is_in_force_when_the_day_comes()
    {
        var client = await factory.SignedInAsAsync(Officer);
        var edit = await client.GetPageAsync("/Rules/Edit/pay-rate-caps");
        edit.QuerySelector<IHtmlInputElement>("#Values_capSocialWorker_")!.Value.ShouldBe("45.00");
        var fromDay = Clocks.Today.AddMonths(4);

        var past = await PostAsync(client, edit, "Apply", ("ChangeFrom[capSocialWorker]", "1 January 2026"), ("ChangeTo[capSocialWorker]", "lots"));
        var applied = await PostAsync(client, edit, "Apply", ("ChangeFrom[capSocialWorker]", fromDay.ToString("d MMMM yyyy")), ("ChangeTo[capSocialWorker]", "£47"));
        var same = await PostAsync(client, edit, "Apply", ("ChangeFrom[capSocialWorker]", fromDay.ToString("d MMMM yyyy")), ("ChangeTo[capSocialWorker]", "45"));

        past.Text("#ChangeFrom_capSocialWorker_-error").ShouldContain("must be after today");
        past.Text("#ChangeTo_capSocialWorker_-error").ShouldContain("DfE cap for a social worker must be an amount of money, like £45.00");
        JsonOf(past).ShouldBe(JsonOf(edit), "a refused change changes nothing");
        same.Text("#ChangeTo_capSocialWorker_-error").ShouldContain("£45.00 an hour is already the value then");
        JsonOf(same).ShouldBe(JsonOf(edit));
        applied.Text("#value-capSocialWorker-coming").ShouldBe($"Coming: From {fromDay:d MMMM yyyy}: £47.00 an hour.");
        JsonOf(applied).ShouldContain($"\"Changes\": [ {{ \"From\": \"{fromDay:yyyy-MM-dd}\", \"Expression\": \"47.00m\" }} ]");
        applied.QuerySelector<IHtmlInputElement>("#Values_capSocialWorker_")!.Value.ShouldBe("45.00", "the field holds the value in force today");
        applied.QuerySelector<IHtmlInputElement>("#ChangeFrom_capSocialWorker_")!.Value.ShouldBeEmpty();

        var saved = await client.SubmitAsync(applied, Draft(applied, ("Input.Comment", "DfE cap rises in the spring")), "/Rules/Edit/pay-rate-caps?handler=Save");
        saved.StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect, (await Browsing.ParseAsync(saved)).QuerySelector(".govuk-error-summary")?.TextContent);

        // £46.20 with holiday pay and NI: over the £45 cap today, within £47 from the day it rises.
        (await DecideAsync(Clocks.Today)).ShouldBe(PayRateOutcome.NeedsException);
        (await DecideAsync(fromDay)).ShouldBe(PayRateOutcome.Allowed);
        factory.Clock.SetUtcNow(new DateTimeOffset(fromDay.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero));
        // Months on, the officer signs in afresh (sessions do not last that long).
        var then = await (await factory.SignedInAsAsync(Officer)).GetPageAsync("/Rules/Edit/pay-rate-caps");
        then.QuerySelector<IHtmlInputElement>("#Values_capSocialWorker_")!.Value.ShouldBe("47.00");
        then.Text("#Values_capSocialWorker_-hint").ShouldContain($"In force now (since {fromDay:d MMMM yyyy})");
        then.QuerySelector("#value-capSocialWorker-coming").ShouldBeNull();
    }

    private async Task<PayRateOutcome> DecideAsync(DateOnly day) =>
        (await factory.Services.GetRequiredService<IPayRatePolicy>().DecideAsync(new PayRateFacts
        {
            AsOf = day, RoleTitle = "Social Worker (Children and Families)", JobFamily = "SocialCare", NjcGrade = "E", DfeRoleType = "SocialWorker",
            IsChildrensServices = true, IsInterim = false, PayRate = 35.85m, HolidayPay = 4.33m, EmployerNationalInsurance = 6.02m, EmployerPension = 0m,
            Margin = 5.52m, ChargeRate = 51.72m, WeeklyHours = 37m, SupplierKind = "LocalSupportingAgency",
        })).Outcome;

    private static async Task<IDocument> PostAsync(HttpClient client, IDocument edit, string handler, params (string Field, string Value)[] changed) =>
        await Browsing.ParseAsync(await client.SubmitAsync(edit, Draft(edit, changed), $"/Rules/Edit/pay-rate-caps?handler={handler}"));

    private static Dictionary<string, string> Draft(IDocument page, params (string Field, string Value)[] changed)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.Json"] = JsonOf(page),
            ["Input.TestCases"] = page.QuerySelector<IHtmlTextAreaElement>("textarea[name='Input.TestCases']")!.Value,
            ["StartedFrom"] = page.QuerySelector<IHtmlInputElement>("input[name=StartedFrom]")!.Value,
        };
        foreach (var (field, value) in changed) fields[field] = value;
        return fields;
    }

    private static string JsonOf(IDocument page) => page.QuerySelector<IHtmlTextAreaElement>("textarea[name='Input.Json']")!.Value;
}
