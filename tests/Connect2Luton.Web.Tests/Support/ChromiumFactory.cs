using Microsoft.Playwright;

namespace Connect2Luton.Web.Tests.Support;

/// <summary>
/// The real app on Kestrel (a free port) with a real headless Chromium driving it through Playwright. The browser
/// is Debian's chromium (CI installs it); Playwright's own browser download is not used.
/// </summary>
public class ChromiumFactory : Connect2LutonFactory, IAsyncLifetime
{
    private IPlaywright? _playwright;

    public ChromiumFactory() => UseKestrel(0);

    public IBrowser Browser { get; private set; } = null!;

    public Uri ServerAddress => ClientOptions.BaseAddress;

    public static string ChromiumPath => System.Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";

    public static bool HasChromium => File.Exists(ChromiumPath);

    /// <summary>Set by CI, where a skipped browser test would hide that the browser never ran.</summary>
    public static bool BrowserRequired => System.Environment.GetEnvironmentVariable("BROWSER_TESTS") == "required";

    public async Task InitializeAsync()
    {
        // Without Chromium every browser test is skipped (BrowserFact), so there is nothing to start; unless required.
        if (!HasChromium && !BrowserRequired) return;
        if (!HasChromium) throw new InvalidOperationException($"BROWSER_TESTS=required, and there is no Chromium at {ChromiumPath} (apt-get install -y chromium, or set CHROMIUM_PATH).");
        StartServer();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // No GPU in CI, and nothing the browser would fetch for itself: the only network is the app under test.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A new browser session signed in through the sign-in form, with every console error and failed request collected.</summary>
    public async Task<(IPage Page, List<string> Problems)> SignedInPageAsync(string email, string password = Browsing.DemoPassword)
    {
        var (page, problems) = await NewPageAsync();
        await SignInAsync(page, email, password);
        return (page, problems);
    }

    /// <summary>A new browser session, signed out, with every console error and failed request collected; the size of a phone if asked.</summary>
    public async Task<(IPage Page, List<string> Problems)> NewPageAsync(bool phone = false)
    {
        var options = new BrowserNewContextOptions { BaseURL = ServerAddress.ToString(), Locale = "en-GB" };
        if (phone)
        {
            options.ViewportSize = new ViewportSize { Width = 375, Height = 667 };
            options.IsMobile = true;
            options.HasTouch = true;
        }
        var context = await Browser.NewContextAsync(options);
        // On two cores with every test class running at once a page can take its time; a wait is a failure only after a minute.
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error" && !IsAbortNoise(message.Text)) problems.Add(message.Text); };
        page.PageError += (_, error) => problems.Add(error);
        page.RequestFailed += (_, request) => { if (request.Failure != "net::ERR_ABORTED") problems.Add($"{request.Method} {request.Url} failed: {request.Failure}"); };
        return (page, problems);
    }

    /// <summary>Signs in through the sign-in form, as a person does, and waits for the page it leads to.</summary>
    public static async Task SignInAsync(IPage page, string email, string password = Browsing.DemoPassword)
    {
        ArgumentNullException.ThrowIfNull(page);
        // Pages count as arrived once parsed, asked of the document if the event is lost (see PageArrival).
        await page.GotoAsync("/Account/SignIn", new PageGotoOptions { WaitUntil = WaitUntilState.Commit });
        await PageArrival.ParsedAsync(page, []);
        await page.FillAsync("#Input_Email", email);
        await page.FillAsync("#Input_Password", password);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/Account/SignIn", StringComparison.Ordinal), new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit });
        await PageArrival.ParsedAsync(page, ["/Account/SignIn"]);
    }

    // A live check overtaken by the next keystroke, or by the form being sent, is cancelled by htmx or the browser:
    // that is the page working. A check that really fails still shows, as the browser's "Failed to load resource"
    // and htmx:responseError.
    private static bool IsAbortNoise(string text) => text.StartsWith("htmx:sendAbort", StringComparison.Ordinal) || text.StartsWith("htmx:afterRequest", StringComparison.Ordinal);

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        await DisposeAsync();
    }
}
