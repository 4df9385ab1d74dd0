namespace Connect2Luton.Web.Tests.Support;

/// <summary>
/// A test that drives the real Chromium. Where Chromium is not installed it reports itself skipped, saying why,
/// rather than passing without having run or failing for want of a browser. CI sets BROWSER_TESTS=required, so
/// there a missing browser fails the tests instead of skipping them.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!ChromiumFactory.HasChromium && !ChromiumFactory.BrowserRequired)
            Skip = $"Chromium is not installed at {ChromiumFactory.ChromiumPath} (apt-get install -y chromium, or set CHROMIUM_PATH).";
    }
}
