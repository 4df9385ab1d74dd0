using Microsoft.Playwright;

namespace Connect2Luton.Web.Tests.Support;

/// <summary>One user's way through the app: axe on every page reached, and their problems collected as they go.</summary>
public sealed class BrowserJourney
{
    private readonly List<string> _problems;
    private readonly List<string> _inaccessible = [];
    private readonly List<string> _visited = [];

    private BrowserJourney(IPage page, List<string> problems) => (Page, _problems) = (page, problems);

    public IPage Page { get; }

    public static async Task<BrowserJourney> StartAsync(ChromiumFactory factory, string email, string password = Browsing.DemoPassword)
    {
        var (page, problems) = await factory.SignedInPageAsync(email, password);
        var journey = new BrowserJourney(page, problems);
        await journey.ArrivedAsync();
        return journey;
    }

    /// <summary>Someone not signed in (a worker given a link to set their password), on a phone if asked.</summary>
    public static async Task<BrowserJourney> SignedOutAsync(ChromiumFactory factory, bool phone = false)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var (page, problems) = await factory.NewPageAsync(phone);
        return new BrowserJourney(page, problems);
    }

    public async Task SignInAsync(string email, string password)
    {
        await ChromiumFactory.SignInAsync(Page, email, password);
        await ArrivedAsync();
    }

    public async Task GoAsync(string path)
    {
        await Page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.Commit });
        await ArrivedAsync();
    }

    /// <summary>The page now shown has been parsed and its scripts run (see <see cref="PageArrival"/>): check it with axe.</summary>
    public async Task ArrivedAsync()
    {
        await PageArrival.ParsedAsync(Page, _visited);
        var url = new Uri(Page.Url).PathAndQuery;
        _visited.Add(url);
        _inaccessible.AddRange((await Accessibility.SeriousViolationsAsync(Page)).Select(v => $"{url}: {v}"));
    }

    public async Task EndAsync(string name)
    {
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", $"journey-{name}.png"), FullPage = true });
        _inaccessible.ShouldBeEmpty($"pages reached: {string.Join(", ", _visited)}");
        _problems.ShouldBeEmpty("no script errors and nothing refused by the content security policy");
    }
}
