using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Connect2Luton.Web.Tests.Support;

/// <summary>axe-core on the page as it stands: the moderate, serious and critical violations, each with where it is (WCAG 2.2 AA is the legal bar).</summary>
public static class Accessibility
{
    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page)
    {
        var result = await page.RunAxe();
        return result.Violations
            .Where(v => v.Impact is "moderate" or "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")
            .ToList();
    }
}
