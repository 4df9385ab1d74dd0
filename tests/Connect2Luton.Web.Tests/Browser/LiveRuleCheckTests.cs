using System.Text.RegularExpressions;
using Connect2Luton.Web.Tests.Placements;
using Connect2Luton.Web.Tests.Support;
using Microsoft.Playwright;

namespace Connect2Luton.Web.Tests.Browser;

/// <summary>The booking form in a real browser: the rules answer as the recruiter types, under the strict CSP, with no script errors.</summary>
public sealed partial class LiveRuleCheckTests(ChromiumFactory factory) : IClassFixture<ChromiumFactory>
{
    [BrowserFact]
    public async Task Typing_a_rate_over_the_cap_shows_the_rule_and_who_must_sign_it_off_and_books_it_waiting_for_them()
    {
        var arranged = await PlacementArrangement.ShortlistedAsync(factory);
        var (page, problems) = await factory.SignedInPageAsync(PlacementArrangement.Recruiter);
        await page.GotoAsync(arranged.BookingPath);

        await page.FillAsync("#Input_PayRate", "33.50");
        await page.Locator("#pay-rate-check [data-outcome='Allowed']").WaitForAsync();
        (await page.Locator("#charge-rate").TextContentAsync()).ShouldNotBeNull().ShouldContain("an hour");
        (await page.Locator("#Input_CapReason").CountAsync()).ShouldBe(0);

        await page.FillAsync("#Input_PayRate", "40");
        await page.Locator("#pay-rate-check [data-outcome='NeedsException']").WaitForAsync();
        (await page.Locator("#pay-rate-check").TextContentAsync()).ShouldNotBeNull().ShouldContain("over the DfE cap of £45.00");
        (await page.Locator("#cap-exception-hint").TextContentAsync()).ShouldNotBeNull()
            .ShouldContain("waiting for sign-off by the Director of Children's Services and the Chief Executive");
        await page.FillAsync("#Input_CapReason", "Court deadline; no worker within the cap");
        await page.ClickAsync("#booking-form button[type=submit]");

        await page.WaitForURLAsync(PlacementPage());
        (await page.Locator("#done").TextContentAsync()).ShouldNotBeNull().ShouldContain($"{arranged.WorkerName} is booked, waiting for sign-off");
        (await page.Locator("#status").TextContentAsync()).ShouldNotBeNull().ShouldContain("Waiting for sign-off");
        (await page.Locator("#cap-exceptions").TextContentAsync()).ShouldNotBeNull().ShouldContain("Director of Children's Services: waiting");
        problems.ShouldBeEmpty();
    }

    [GeneratedRegex(@"/Placements/\d+$")]
    private static partial Regex PlacementPage();
}
