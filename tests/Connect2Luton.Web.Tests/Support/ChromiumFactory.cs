using Microsoft.Playwright;

namespace Connect2Luton.Web.Tests.Support;

/// <summary>
/// The real app on Kestrel (a free port) with a real headless Chromium driving it through Playwright. The browser
/// is Debian's chromium (CI installs it); Playwright's own browser download is not used.
/// </summary>
public sealed class ChromiumFactory : Connect2LutonFactory, IAsyncLifetime
{
    private IPlaywright? _playwright;

    public ChromiumFactory() => UseKestrel(0);

    public IBrowser Browser { get; private set; } = null!;

    public Uri ServerAddress => ClientOptions.BaseAddress;

    public static string ChromiumPath => System.Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";

    public async Task InitializeAsync()
    {
        StartServer();
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"Browser tests need Chromium at {ChromiumPath} (apt-get install -y chromium, or set CHROMIUM_PATH).");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ChromiumPath, Headless = true, Args = ["--no-sandbox"] });
    }

    /// <summary>A new browser session signed in through the sign-in form, with every console error and failed request collected.</summary>
    public async Task<(IPage Page, List<string> Problems)> SignedInPageAsync(string email)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = ServerAddress.ToString(), Locale = "en-GB" });
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") problems.Add(message.Text); };
        page.PageError += (_, error) => problems.Add(error);
        page.RequestFailed += (_, request) => problems.Add($"{request.Method} {request.Url} failed: {request.Failure}");
        await page.GotoAsync("/Account/SignIn");
        await page.FillAsync("#Input_Email", email);
        await page.FillAsync("#Input_Password", Browsing.DemoPassword);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/Account/SignIn", StringComparison.Ordinal));
        return (page, problems);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        await DisposeAsync();
    }
}
