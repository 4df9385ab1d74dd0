using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Connect2Luton.Web.Tests.Support;

/// <summary>What a browser does with a form: read the page, take the antiforgery token from it, post it back.</summary>
public static class Browsing
{
    public const string DemoPassword = "Connect2Luton-demo!";

    public static async Task<IDocument> GetPageAsync(this HttpClient client, string path)
    {
        var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"GET {path}");
        return await ParseAsync(response);
    }

    public static async Task<IDocument> ParseAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var html = await response.Content.ReadAsStringAsync();
        var address = response.RequestMessage?.RequestUri?.ToString() ?? "http://localhost/";
        return await BrowsingContext.New(Configuration.Default).OpenAsync(request => request.Content(html).Address(address));
    }

    /// <summary>
    /// Fills a form with the given fields, keeping its hidden ones (the antiforgery token among them), and submits
    /// it: the form posting to <paramref name="action"/> if given, else the first form in the page's main content.
    /// </summary>
    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, IDocument page, IDictionary<string, string> fields, string? action = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        var form = page.QuerySelectorAll<IHtmlFormElement>("form")
            .FirstOrDefault(f => action is null ? f.Closest("main") is not null : new Uri(f.Action).PathAndQuery == action)
            ?? throw new ShouldAssertException($"No form on {page.Url} posts to {action ?? "the main content"}.");
        var values = form.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]")
            .Where(i => !string.IsNullOrEmpty(i.Name))
            .ToDictionary(i => i.Name!, i => i.Value);
        foreach (var (name, value) in fields) values[name] = value;
        var target = action ?? new Uri(form.Action).PathAndQuery;
        using var content = new FormUrlEncodedContent(values);
        return await client.PostAsync(new Uri(target, UriKind.Relative), content);
    }

    public static async Task<HttpClient> SignedInAsAsync(this Connect2LutonFactory factory, string email, string password = DemoPassword)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var client = factory.CreateBrowser();
        var page = await client.GetPageAsync("/Account/SignIn");
        var response = await client.SubmitAsync(page, new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password }, "/Account/SignIn");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"signing in as {email}");
        return client;
    }

    public static string Text(this IDocument page, string selector) =>
        page.QuerySelector(selector)?.TextContent.Trim() ?? throw new ShouldAssertException($"Nothing on the page matches '{selector}'.");
}
