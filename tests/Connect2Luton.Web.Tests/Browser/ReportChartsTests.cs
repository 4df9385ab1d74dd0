using Microsoft.Playwright;
using Connect2Luton.Web.Tests.Support;

namespace Connect2Luton.Web.Tests.Browser;

/// <summary>The reports in a real browser: each table gets its chart under the strict CSP, and the pages pass axe.</summary>
public sealed class ReportChartsTests(ChromiumFactory factory) : IClassFixture<ChromiumFactory>
{
    [BrowserFact]
    public async Task The_workforce_report_draws_a_chart_over_each_table_and_has_no_serious_accessibility_problems()
    {
        var (page, problems) = await factory.SignedInPageAsync("recruiter@connect2luton.local");
        await page.GotoAsync("/Reports/Workforce");

        await page.Locator(".app-chart canvas").Nth(3).WaitForAsync();

        (await page.Locator(".app-chart canvas").CountAsync()).ShouldBe(await page.Locator("table[data-chart]").CountAsync());
        (await page.Locator(".app-chart canvas").First.GetAttributeAsync("aria-label")).ShouldNotBeNull().ShouldContain("The table below gives the figures");
        (await page.Locator("#social-work-trend tbody tr").CountAsync()).ShouldBe(12);
        (await Accessibility.SeriousViolationsAsync(page)).ShouldBeEmpty();
        problems.ShouldBeEmpty("no script errors and nothing refused by the content security policy");
    }

    [BrowserFact]
    public async Task The_spend_report_charts_its_tables_and_has_no_serious_accessibility_problems()
    {
        var (page, problems) = await factory.SignedInPageAsync("admin@connect2luton.local");
        await page.GotoAsync("/Reports/Spend");

        await page.Locator(".app-chart canvas").Nth(2).WaitForAsync();

        (await page.Locator(".app-chart canvas").CountAsync()).ShouldBe(3);
        (await page.Locator("#margins tbody tr").CountAsync()).ShouldBe(2);
        (await Accessibility.SeriousViolationsAsync(page)).ShouldBeEmpty();
        problems.ShouldBeEmpty();
    }

    [BrowserFact]
    public async Task The_dashboard_and_the_other_report_pages_chart_their_tables_and_have_no_serious_accessibility_problems()
    {
        var (page, problems) = await factory.SignedInPageAsync("recruiter@connect2luton.local");
        foreach (var address in new[] { "/", "/Reports", "/Reports/DfeReturn", "/Reports/Conversions", "/Reports/CapExceptions?months=36", "/Reports/Suppliers",
            "/Reports/Suppliers?From.Day=31&From.Month=2&From.Year=2026", "/Reports/Refusals?months=36" })
        {
            await page.GotoAsync(address);
            var charted = await page.Locator("table[data-chart]").CountAsync();
            if (charted > 0) await page.Locator(".app-chart canvas").Nth(charted - 1).WaitForAsync();
            (await Accessibility.SeriousViolationsAsync(page)).ShouldBeEmpty(address);
        }
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", "refusals.png"), FullPage = true });
        (await page.Locator("#refusals tbody tr").CountAsync()).ShouldBeGreaterThan(0, "the demo data keeps some refused bookings");
        problems.ShouldBeEmpty();
    }

    [BrowserFact]
    public async Task The_rules_edit_page_with_a_rule_open_has_no_serious_accessibility_problems()
    {
        var (page, problems) = await factory.SignedInPageAsync("policy@connect2luton.local");
        await page.GotoAsync("/Rules/Edit/pay-rate-caps");
        await page.Locator(".cm-editor").First.WaitForAsync();
        await page.ClickAsync("#rule-WithinDfeCap summary");
        await page.ClickAsync("#new-rule summary");

        (await Accessibility.SeriousViolationsAsync(page)).ShouldBeEmpty();
        problems.ShouldBeEmpty();
    }
}
