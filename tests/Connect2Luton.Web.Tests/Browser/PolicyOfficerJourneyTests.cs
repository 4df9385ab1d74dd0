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
}
