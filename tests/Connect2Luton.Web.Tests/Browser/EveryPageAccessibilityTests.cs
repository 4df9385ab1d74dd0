using Connect2Luton.Web.Tests.Support;

namespace Connect2Luton.Web.Tests.Browser;

/// <summary>Every page the app maps that needs no record to show it, opened as an admin: none has an axe violation of moderate impact or worse.</summary>
public sealed class EveryPageAccessibilityTests(ChromiumFactory factory) : IClassFixture<ChromiumFactory>
{
    [BrowserFact]
    public async Task Every_signed_in_page_without_a_record_passes_axe_at_moderate_impact()
    {
        var pages = (await AppHandlers.AllAsync(factory.Services))
            .Where(h => h is { Method: "GET", Name: null, HasRouteValues: false } && !h.Template.StartsWith("/Account/SignOut", StringComparison.Ordinal)
                && h.Template is not "/Error" and not "/health")
            .Select(h => h.Template).Order(StringComparer.Ordinal).ToList();
        var (page, problems) = await factory.SignedInPageAsync("admin@connect2luton.local");
        var violations = new List<string>();

        foreach (var address in pages)
        {
            await page.GotoAsync(address);
            violations.AddRange((await Accessibility.SeriousViolationsAsync(page)).Select(v => $"{address}: {v}"));
        }

        pages.Count.ShouldBeGreaterThan(15);
        violations.ShouldBeEmpty();
        // Some of these pages answer with their own status (the no-permission page is a 403): only script and CSP errors count.
        problems.Where(p => !p.StartsWith("Failed to load resource: the server responded with a status", StringComparison.Ordinal)).ShouldBeEmpty();
    }
}
