using System.Globalization;
using Connect2Luton.Web.Tests.Support;
using Microsoft.Playwright;

namespace Connect2Luton.Web.Tests.Browser;

/// <summary>The app and a real browser on a throw-away copy of rules/, so the officer's saves never touch the repository.</summary>
public sealed class ChromiumRuleCopyFactory : ChromiumFactory
{
    protected override bool ChangesRuleFiles => true;
}

/// <summary>An HR policy officer changes a cap in the browser, sees what it would change, saves it and rolls it back.</summary>
public sealed class PolicyOfficerJourneyTests(ChromiumRuleCopyFactory factory) : IClassFixture<ChromiumRuleCopyFactory>
{
    [BrowserFact]
    public async Task A_policy_officer_lowers_a_grade_cap_sees_the_what_if_saves_it_and_rolls_it_back()
    {
        var journey = await BrowserJourney.StartAsync(factory, "policy@connect2luton.local");
        var page = journey.Page;

        await journey.GoAsync("/Rules");
        await page.ClickAsync("main a[href='/Rules/View/pay-rate-caps']");
        await journey.ArrivedAsync();
        await page.ClickAsync("#edit");
        await page.Locator(".cm-editor").First.WaitForAsync();
        await journey.ArrivedAsync();
        var cap = page.Locator("[name='Values[capGradeH]']");
        var original = await cap.InputValueAsync();
        original.ShouldStartWith("62.00");
        await cap.FillAsync(original.Replace("62.00", "40.00", StringComparison.Ordinal));

        await page.ClickAsync("button:has-text('What would change?')");
        await page.Locator("#what-if-summary").WaitForAsync();
        await journey.ArrivedAsync();
        var summary = (await page.Locator("#what-if-summary").TextContentAsync())!.Trim();
        int.Parse(summary.Split(' ')[0], NumberStyles.AllowThousands, CultureInfo.InvariantCulture).ShouldBeGreaterThan(0, summary);
        (await page.Locator("#what-if-changes tbody tr").CountAsync()).ShouldBeGreaterThan(0);

        await page.FillAsync("[name='Input.Comment']", "Grade H cap lowered to £40 after the pay benchmarking");
        await page.ClickAsync("button:has-text('Save and serve')");
        await page.WaitForURLAsync("**/Rules/History/pay-rate-caps");
        await journey.ArrivedAsync();
        (await page.Locator("main").TextContentAsync()).ShouldNotBeNull().ShouldContain("Grade H cap lowered to £40");

        await page.FillAsync("[name='Input.Comment']", "Benchmarking was wrong: back to £62");
        await page.ClickAsync("button:has-text('Roll back')");
        await page.WaitForURLAsync("**/Rules/History/pay-rate-caps");
        await journey.ArrivedAsync();
        (await page.Locator("main").TextContentAsync()).ShouldNotBeNull().ShouldContain("Benchmarking was wrong");

        await journey.GoAsync("/Rules/Edit/pay-rate-caps");
        (await page.Locator("[name='Values[capGradeH]']").InputValueAsync()).ShouldBe(original, "the earlier version serves again");
        await journey.EndAsync("policy-officer");
    }

    [BrowserFact]
    public async Task A_policy_officer_raises_a_cap_in_its_field_accepts_the_cases_it_moves_and_schedules_the_next_rise_without_the_text_editor()
    {
        var arranged = await Web.Tests.Placements.PlacementArrangement.ShortlistedAsync(factory);
        var journey = await BrowserJourney.StartAsync(factory, "policy@connect2luton.local");
        var page = journey.Page;
        await journey.GoAsync("/Rules/Edit/pay-rate-caps");
        await page.Locator(".cm-editor").First.WaitForAsync();

        // £2 on the DfE cap for a social worker, typed as HR writes it.
        await page.FillAsync("#Values_capSocialWorker_", "47.00");
        await page.ClickAsync("button:has-text('Write these changes into the draft')");
        await page.Locator("#cases-moved").WaitForAsync();
        await journey.ArrivedAsync();
        (await page.Locator("#cases-moved").TextContentAsync()).ShouldNotBeNull().ShouldContain("Children's social worker exactly at the DfE cap: pay rate 34.92, now 36.47");
        (await page.Locator("#cases-changed").TextContentAsync()).ShouldNotBeNull().ShouldContain("Social worker at £36.30 an hour needs sign-off");
        await page.ClickAsync("#accept-cases");
        await page.Locator("#cases-accepted").WaitForAsync();
        await journey.ArrivedAsync();
        await page.FillAsync("[name='Input.Comment']", "DfE cap for social workers up £2 after the regional agreement");
        await page.ClickAsync("button:has-text('Save and serve')");
        await page.WaitForURLAsync("**/Rules/History/pay-rate-caps");
        await journey.ArrivedAsync();

        // A recruiter books at £36.40 (£46.91 with holiday pay and NI): within the new cap, with no sign-off asked.
        var recruiter = await BrowserJourney.StartAsync(factory, Web.Tests.Placements.PlacementArrangement.Recruiter);
        await recruiter.GoAsync(arranged.BookingPath);
        (await recruiter.Page.Locator("#pay-headroom").TextContentAsync()).ShouldNotBeNull().ShouldContain("Up to £36.47 an hour needs no sign-off");
        await recruiter.Page.FillAsync("#Input_PayRate", "36.40");
        await recruiter.Page.Locator("#pay-rate-check [data-outcome='Allowed']").WaitForAsync();
        await recruiter.Page.ClickAsync("button:has-text('Book placement')");
        await recruiter.Page.WaitForURLAsync("**/Placements/*");
        await recruiter.ArrivedAsync();
        (await recruiter.Page.Locator("#done").TextContentAsync()).ShouldNotBeNull().ShouldContain("is booked");

        // The next rise is set from a later day in the value's own fields; when the day comes, it is the value in force.
        var rise = Testing.Clocks.Today.AddMonths(3);
        await journey.GoAsync("/Rules/Edit/pay-rate-caps");
        await page.ClickAsync("#value-capSocialWorker summary");
        await page.FillAsync("#ChangeFrom_capSocialWorker_", rise.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB")));
        await page.FillAsync("#ChangeTo_capSocialWorker_", "£49");
        await page.ClickAsync("button:has-text('Write these changes into the draft')");
        await page.Locator("#value-capSocialWorker-coming").WaitForAsync();
        await journey.ArrivedAsync();
        (await page.Locator("#value-capSocialWorker-coming").TextContentAsync()).ShouldNotBeNull().ShouldContain($"From {rise.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}: £49.00 an hour");
        await page.FillAsync("[name='Input.Comment']", "DfE cap rises again in the spring");
        await page.ClickAsync("button:has-text('Save and serve')");
        await page.WaitForURLAsync("**/Rules/History/pay-rate-caps");
        await journey.EndAsync("policy-officer-field");
        await recruiter.EndAsync("recruiter-within-new-cap");

        factory.Clock.SetUtcNow(new DateTimeOffset(rise.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero));
        var later = await BrowserJourney.StartAsync(factory, "policy@connect2luton.local");
        await later.GoAsync("/Rules/Edit/pay-rate-caps");
        (await later.Page.Locator("#Values_capSocialWorker_").InputValueAsync()).ShouldBe("49.00");
        (await later.Page.Locator("#Values_capSocialWorker_-hint").TextContentAsync()).ShouldNotBeNull().ShouldContain("In force now (since");
        await later.EndAsync("policy-officer-later");
    }
}
