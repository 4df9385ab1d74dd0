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
            .FirstOrDefault(f => action is null ? f.Closest("main") is not null : ActionOf(page, f) == action);
        if (form is null)
        {
            // No such form on the page: post as someone crafting the request would, with only the page's antiforgery token.
            if (action is null) throw new ShouldAssertException($"No form in the main content of {page.Url}.");
            var token = page.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")?.Value
                ?? throw new ShouldAssertException($"{page.Url} has no antiforgery token to reuse.");
            using var forged = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token)));
            return await client.PostAsync(new Uri(action, UriKind.Relative), forged);
        }
        return await PostFormAsync(client, form, fields, action ?? ActionOf(page, form));
    }

    /// <summary>
    /// Presses a form's button as a browser would: the whole form it is in, with the fields given changed, goes to
    /// the button's own action (a Razor Pages handler, <c>?handler=Name</c>).
    /// </summary>
    public static async Task<HttpResponseMessage> PressAsync(this HttpClient client, IDocument page, string handler, IDictionary<string, string>? fields = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        var button = page.QuerySelectorAll<IHtmlButtonElement>("button[formaction]")
            .FirstOrDefault(b => b.GetAttribute("formaction")!.EndsWith($"?handler={handler}", StringComparison.Ordinal))
            ?? throw new ShouldAssertException($"{page.Url} has no button for the handler {handler}.");
        var form = button.Closest("form") as IHtmlFormElement ?? throw new ShouldAssertException($"The {handler} button is in no form.");
        return await PostFormAsync(client, form, fields ?? new Dictionary<string, string>(), new Uri(new Uri(page.Url), button.GetAttribute("formaction")!).PathAndQuery);
    }

    /// <summary>
    /// Chooses a file for a form's file field and submits the form as a browser does (multipart), with its other
    /// fields as the page has them (the antiforgery token among them).
    /// </summary>
    /// <param name="waitToSend">
    /// Ask the server before sending the body (Expect: 100-continue), as curl does for a large one: a server that refuses
    /// it at once is heard, where a client that keeps writing finds the connection closed under it.
    /// </param>
    public static async Task<HttpResponseMessage> UploadAsync(this HttpClient client, IDocument page, string field, string fileName, byte[] content, bool waitToSend = false)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(page);
        var input = page.QuerySelector<IHtmlInputElement>($"input[type=file][name='{field}']") ?? throw new ShouldAssertException($"{page.Url} has no file field {field}.");
        var form = input.Closest("form") as IHtmlFormElement ?? throw new ShouldAssertException($"The file field {field} is in no form.");
        form.Enctype.ShouldBe("multipart/form-data", "a browser sends a file only with a multipart form");
        using var body = new MultipartFormDataContent();
        foreach (var hidden in form.QuerySelectorAll<IHtmlInputElement>("input[type=hidden][name]")) body.Add(new StringContent(hidden.Value), hidden.Name!);
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        body.Add(file, field, fileName);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(ActionOf(page, form), UriKind.Relative)) { Content = body };
        request.Headers.ExpectContinue = waitToSend;
        return await client.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, IHtmlFormElement form, IDictionary<string, string> fields, string target)
    {
        // What a browser would send unchanged: every named field's current value (a checked box, a selected option).
        var values = new Dictionary<string, string>();
        foreach (var input in form.QuerySelectorAll<IHtmlInputElement>("input[name]"))
        {
            if (input.Type is "checkbox" or "radio" && !input.IsChecked) continue;
            if (input.Type is "submit" or "button") continue;
            values.TryAdd(input.Name!, input.Value);
        }
        foreach (var select in form.QuerySelectorAll<IHtmlSelectElement>("select[name]")) values[select.Name!] = select.Value ?? string.Empty;
        foreach (var textarea in form.QuerySelectorAll<IHtmlTextAreaElement>("textarea[name]")) values[textarea.Name!] = textarea.Value;
        foreach (var (name, value) in fields) values[name] = value;
        using var content = new FormUrlEncodedContent(values);
        return await client.PostAsync(new Uri(target, UriKind.Relative), content);
    }

    // A form's action is relative to the page it is on (on Linux a bare "/path" would read as a file name).
    private static string ActionOf(IDocument page, IHtmlFormElement form) => new Uri(new Uri(page.Url), form.Action).PathAndQuery;

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
