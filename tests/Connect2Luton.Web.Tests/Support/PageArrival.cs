using Microsoft.Playwright;

namespace Connect2Luton.Web.Tests.Support;

/// <summary>
/// Whether the page now shown has been parsed and its scripts run. Three times in CI, with every test class running
/// at once on two cores, a page's lifecycle event (load, then DOMContentLoaded) never reached Playwright though the
/// network was idle and the page had arrived, and a journey waited out its minute: after a while the document itself
/// is asked, so a lost event costs seconds, and a page really not served still fails, named.
/// </summary>
public static class PageArrival
{
    public static async Task ParsedAsync(IPage page, IEnumerable<string> reachedBefore)
    {
        ArgumentNullException.ThrowIfNull(page);
        try
        {
            await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded, new PageWaitForLoadStateOptions { Timeout = 15_000 });
            return;
        }
        catch (TimeoutException)
        {
            // Asked of the document below.
        }
        try
        {
            await page.WaitForFunctionAsync("document.readyState !== 'loading'", null, new PageWaitForFunctionOptions { Timeout = 45_000, PollingInterval = 250 });
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{page.Url} did not load; pages reached before it: {string.Join(", ", reachedBefore)}", e);
        }
    }
}
