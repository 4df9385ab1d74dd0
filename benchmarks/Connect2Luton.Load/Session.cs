using System.Diagnostics;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Connect2Luton.Load;

/// <summary>One person at a browser: their own cookies, one request at a time, every request timed into the tally.</summary>
internal sealed class Session : IDisposable
{
    private static readonly HtmlParser Parser = new();
    private readonly HttpClient _http;
    private readonly Tally _tally;

    private Session(Uri app, Tally tally)
    {
        _tally = tally;
        _http = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, MaxConnectionsPerServer = 1 })
        {
            BaseAddress = app,
            Timeout = TimeSpan.FromSeconds(30),
        };
    }

    public static async Task<Session> SignInAsync(Uri app, string email, string password, Tally tally, CancellationToken cancellationToken)
    {
        var session = new Session(app, tally);
        var page = await session.GetAsync("/Account/SignIn", "sign in", cancellationToken);
        var fields = Form(page, "form[method=post]");
        fields["Input.Email"] = email;
        fields["Input.Password"] = password;
        using var response = await session.PostAsync("/Account/SignIn", fields, "sign in", cancellationToken);
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.OriginalString.Contains("SignIn", StringComparison.OrdinalIgnoreCase) == true)
            throw new InvalidOperationException($"{email} could not sign in: {(int)response.StatusCode}");
        return session;
    }

    /// <summary>The answer the load balancer gives for a node that went down under the request (Connect2Luton.Proxy).</summary>
    private const string ProxyFailure = "X-Connect2Luton-Proxy-Failure";

    /// <summary>Whether the last request was lost in flight: the caller notes what a form may or may not have saved.</summary>
    public bool LastLost { get; private set; }

    // Lost in flight: the load balancer's own answer for a node that went down, or (while nodes may go down) the
    // connection to it cut as the node died with the answer half sent.
    private string? LostInFlight(HttpResponseMessage? response, Exception? error) =>
        response is not null && response.Headers.TryGetValues(ProxyFailure, out var failure) ? $"the load balancer answered {(int)response.StatusCode} ({string.Join(",", failure)})"
        : error is not null && _tally.NodesMayGoDown && error is HttpRequestException or IOException ? $"{error.GetType().Name} {error.Message}"
        : null;

    /// <summary>A page that must answer 200; anything else is an error in the tally (and null here).</summary>
    public async Task<IDocument?> TryGetAsync(string path, string operation, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        LastLost = false;
        try
        {
            using var response = await _http.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (LostInFlight(response, null) is { } lost)
            {
                LastLost = true;
                _tally.Lost(operation, $"GET {path}: {lost}");
                return null;
            }
            _tally.Record(operation, Stopwatch.GetElapsedTime(started), response.StatusCode == HttpStatusCode.OK ? null : $"GET {path} answered {(int)response.StatusCode}");
            return response.StatusCode == HttpStatusCode.OK ? await Parser.ParseDocumentAsync(body, cancellationToken) : null;
        }
        catch (Exception error) when (error is HttpRequestException or IOException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            if (LostInFlight(null, error) is { } lost)
            {
                LastLost = true;
                _tally.Lost(operation, $"GET {path}: {lost}");
            }
            else _tally.Record(operation, Stopwatch.GetElapsedTime(started), $"GET {path}: {error.GetType().Name} {error.Message}");
            return null;
        }
    }

    private async Task<IDocument> GetAsync(string path, string operation, CancellationToken cancellationToken) =>
        await TryGetAsync(path, operation, cancellationToken) ?? throw new InvalidOperationException($"GET {path} failed");

    /// <summary>A form posted; the caller judges the answer and tells the tally through <see cref="Posted"/>.</summary>
    public async Task<HttpResponseMessage> PostAsync(string path, IEnumerable<KeyValuePair<string, string>> fields, string operation, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        LastLost = false;
        try
        {
            using var content = new FormUrlEncodedContent(fields);
            var response = await _http.PostAsync(new Uri(path, UriKind.Relative), content, cancellationToken);
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            if (LostInFlight(response, null) is { } lost)
            {
                LastLost = true;
                _tally.Lost(operation, $"POST {path}: {lost}");
                return response;
            }
            _tally.Record(operation, Stopwatch.GetElapsedTime(started), (int)response.StatusCode >= 500 ? $"POST {path} answered {(int)response.StatusCode}" : null);
            return response;
        }
        catch (Exception error) when (error is HttpRequestException or IOException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            if (LostInFlight(null, error) is { } lost)
            {
                LastLost = true;
                _tally.Lost(operation, $"POST {path}: {lost}");
            }
            else _tally.Record(operation, Stopwatch.GetElapsedTime(started), $"POST {path}: {error.GetType().Name} {error.Message}");
            return new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        }
    }

    /// <summary>
    /// A worker given their own sign-in as the app gives one: a recruiter presses the button on the worker's record and
    /// hands over the link it shows; the worker opens it, sets a password and signs in with their email.
    /// </summary>
    public static async Task<Session> GivenSignInAsync(Session recruiter, Uri app, int workerId, string email, string password, Tally tally, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recruiter);
        var record = await recruiter.GetAsync($"/Workers/{workerId}", "give sign-in", cancellationToken);
        var give = record.QuerySelectorAll<IHtmlFormElement>("form").FirstOrDefault(f => f.GetAttribute("action")?.Contains("handler=SignIn", StringComparison.Ordinal) == true)
            ?? throw new InvalidOperationException($"Worker {workerId}'s record offers no sign-in to give");
        using var given = await recruiter.PostAsync(give.GetAttribute("action")!, Form(give, "form"), "give sign-in", cancellationToken);
        var link = (await ParseAsync(given, cancellationToken)).QuerySelector<IHtmlTextAreaElement>("#set-password-link")?.Value
            ?? throw new InvalidOperationException($"Giving worker {workerId} a sign-in showed no link ({(int)given.StatusCode})");
        var path = new Uri(link).PathAndQuery;
        using (var worker = new Session(app, tally))
        {
            var fields = Form(await worker.GetAsync(path, "set password", cancellationToken), "main form[method=post]");
            fields["Input.Password"] = password;
            fields["Input.Confirm"] = password;
            using var set = await worker.PostAsync(path, fields, "set password", cancellationToken);
            if (set.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"Worker {workerId} could not set a password with the link: {(int)set.StatusCode}");
        }
        return await SignInAsync(app, email, password, tally, cancellationToken);
    }

    public static async Task<IDocument> ParseAsync(HttpResponseMessage response, CancellationToken cancellationToken) =>
        await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync(cancellationToken), cancellationToken);

    /// <summary>What a browser would post for the form: its inputs, chosen options and text areas (a ticked box over its hidden "false").</summary>
    public static Dictionary<string, string> Form(IParentNode page, string selector)
    {
        var form = (page is IHtmlFormElement self && self.Matches(selector) ? self : page.QuerySelector<IHtmlFormElement>(selector))
            ?? throw new InvalidOperationException($"No form {selector} on {(page as IDocument)?.Url ?? "the part of the page given"}");
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var element in form.QuerySelectorAll("input[name], select[name], textarea[name]"))
        {
            switch (element)
            {
                case IHtmlInputElement { Type: "checkbox" or "radio" } box:
                    if (box.IsChecked) fields[box.Name!] = box.Value;
                    break;
                case IHtmlInputElement { Type: "hidden" } hidden:
                    fields.TryAdd(hidden.Name!, hidden.Value);
                    break;
                case IHtmlInputElement input:
                    fields[input.Name!] = input.Value;
                    break;
                case IHtmlSelectElement select:
                    fields[select.Name!] = (select.SelectedOptions.Length > 0 ? select.SelectedOptions[0].Value : null) ?? string.Empty;
                    break;
                case IHtmlTextAreaElement text:
                    fields[text.Name!] = text.Value;
                    break;
            }
        }
        return fields;
    }

    public void Dispose() => _http.Dispose();
}
