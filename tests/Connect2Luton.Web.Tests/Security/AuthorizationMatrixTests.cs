using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Connect2Luton.Domain.Conversions;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Domain.Requisitions;
using Connect2Luton.Infrastructure.DemoData;
using Connect2Luton.Infrastructure.Persistence;
using Connect2Luton.Web.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Connect2Luton.Web.Tests.Security;

/// <summary>
/// Every page handler and endpoint the app maps, found from the app's own endpoints, tried as someone not signed in
/// and as each role. Who may use each is written out here, so a new page or handler with no decision fails the test
/// until someone decides.
/// </summary>
public sealed class AuthorizationMatrixTests(Connect2LutonFactory factory) : IClassFixture<Connect2LutonFactory>
{
    private enum Who { Anonymous, HiringManager, Recruiter, PolicyOfficer, Admin }

    private static readonly Who[] Everyone = Enum.GetValues<Who>();
    private static readonly Who[] SignedIn = [Who.HiringManager, Who.Recruiter, Who.PolicyOfficer, Who.Admin];
    private static readonly Who[] Recruiters = [Who.Recruiter, Who.Admin];
    private static readonly Who[] Officers = [Who.PolicyOfficer, Who.Admin];
    private static readonly Who[] Services = [Who.HiringManager, Who.Recruiter, Who.Admin];
    private static readonly Who[] Admins = [Who.Admin];

    /// <summary>Approving or rejecting: the hiring managers of the service that raised it (the sample is theirs), and admins.</summary>
    private static readonly Who[] Approvers = [Who.HiringManager, Who.Admin];

    /// <summary>Who may use each handler. Everyone else is sent to sign in (not signed in) or refused (signed in).</summary>
    private static readonly Dictionary<string, Who[]> Expected = new(StringComparer.Ordinal)
    {
        ["GET /"] = SignedIn,
        ["GET /Account/AccessDenied"] = Everyone,
        ["GET /Account/SignIn"] = Everyone,
        ["GET /Account/SignOut"] = Everyone,
        ["GET /Conversions"] = Services,
        ["GET /Conversions/{id:int}"] = Services,
        ["GET /Error"] = Everyone,
        ["GET /Jobs"] = Admins,
        ["GET /Placements"] = SignedIn,
        ["GET /Placements/New"] = Recruiters,
        ["GET /Placements/{id:int}"] = SignedIn,
        ["GET /Placements/{id:int}/End"] = Recruiters,
        ["GET /Placements/{id:int}/Extend"] = Recruiters,
        ["GET /Placements?handler=Export"] = SignedIn,
        ["GET /Reports"] = SignedIn,
        ["GET /Reports/CapExceptions"] = SignedIn,
        ["GET /Reports/CapExceptions?handler=Csv"] = SignedIn,
        ["GET /Reports/Conversions"] = SignedIn,
        ["GET /Reports/Conversions?handler=Csv"] = SignedIn,
        ["GET /Reports/DfeReturn"] = SignedIn,
        ["GET /Reports/DfeReturn?handler=Csv"] = SignedIn,
        ["GET /Reports/Refusals"] = SignedIn,
        ["GET /Reports/Refusals?handler=Csv"] = SignedIn,
        ["GET /Reports/Spend"] = SignedIn,
        ["GET /Reports/Spend?handler=Csv"] = SignedIn,
        ["GET /Reports/Workforce"] = SignedIn,
        ["GET /Reports/Workforce?handler=Csv"] = SignedIn,
        ["GET /Requisitions"] = SignedIn,
        ["GET /Requisitions/New"] = Services,
        ["GET /Requisitions/{id:int}"] = SignedIn,
        ["GET /Requisitions/{id:int}/Edit"] = Services,
        ["GET /Requisitions/{id:int}/Shortlist"] = SignedIn,
        ["GET /Requisitions/{id:int}/Shortlist/{workerId:int}/Remove"] = Recruiters,
        ["GET /Requisitions/{id:int}/{step:regex(^(Reject|Cancel)$)}"] = Approvers,
        ["GET /Requisitions?handler=Export"] = SignedIn,
        ["GET /Rules"] = SignedIn,
        ["GET /Rules/Diff/{name}"] = SignedIn,
        ["GET /Rules/Edit/{name}"] = Officers,
        ["GET /Rules/History/{name}"] = SignedIn,
        ["GET /Rules/View/{name}"] = SignedIn,
        ["GET /Status/{code:int}"] = Everyone,
        ["GET /Workers"] = Recruiters,
        ["GET /Workers/New"] = Recruiters,
        ["GET /Workers/{id:int}"] = Recruiters,
        ["GET /Workers/{id:int}/Breaks"] = Recruiters,
        ["GET /Workers/{id:int}/Edit"] = Recruiters,
        ["GET /Workers?handler=Export"] = Recruiters,
        ["GET /health"] = Everyone,
        ["POST /Account/SignIn"] = Everyone,
        ["POST /Account/SignOut"] = SignedIn,
        ["POST /Conversions/{id:int}?handler=Converted"] = Services,
        ["POST /Conversions/{id:int}?handler=Declined"] = Services,
        ["POST /Conversions/{id:int}?handler=NotSuitable"] = Services,
        ["POST /Conversions/{id:int}?handler=OfferMade"] = Services,
        ["POST /Conversions/{id:int}?handler=Snooze"] = Services,
        ["POST /Error"] = Everyone,
        ["POST /Jobs?handler=Run"] = Admins,
        ["POST /Placements/New"] = Recruiters,
        ["POST /Placements/New?handler=Check"] = Recruiters,
        ["POST /Placements/{id:int}/End"] = Recruiters,
        ["POST /Placements/{id:int}/Extend"] = Recruiters,
        ["POST /Placements/{id:int}/Extend?handler=Check"] = Recruiters,
        ["POST /Requisitions/New"] = Services,
        ["POST /Requisitions/{id:int}/Edit"] = Services,
        ["POST /Requisitions/{id:int}/Shortlist/{workerId:int}/Remove"] = Recruiters,
        ["POST /Requisitions/{id:int}/Shortlist?handler=Add"] = Recruiters,
        ["POST /Requisitions/{id:int}/{step:regex(^(Reject|Cancel)$)}"] = Approvers,
        ["POST /Requisitions/{id:int}?handler=Approve"] = Approvers,
        ["POST /Requisitions/{id:int}?handler=Open"] = Recruiters,
        ["POST /Requisitions/{id:int}?handler=Submit"] = Services,
        ["POST /Rules/Edit/{name}?handler=AddCase"] = Officers,
        ["POST /Rules/Edit/{name}?handler=Apply"] = Officers,
        ["POST /Rules/Edit/{name}?handler=Check"] = Officers,
        ["POST /Rules/Edit/{name}?handler=Save"] = Officers,
        ["POST /Rules/Edit/{name}?handler=TrySample"] = Officers,
        ["POST /Rules/Edit/{name}?handler=UseRealCase"] = Officers,
        ["POST /Rules/Edit/{name}?handler=WhatIf"] = Officers,
        ["POST /Rules/History/{name}?handler=RollBack"] = Officers,
        ["POST /Status/{code:int}"] = Everyone,
        ["POST /Workers/New"] = Recruiters,
        ["POST /Workers/{id:int}/Breaks"] = Recruiters,
        ["POST /Workers/{id:int}/Breaks?handler=Remove"] = Recruiters,
        ["POST /Workers/{id:int}/Edit"] = Recruiters,
    };

    private static readonly Dictionary<Who, string> Users = new()
    {
        [Who.HiringManager] = DemoDataSeeder.DemoManagerEmail,
        [Who.Recruiter] = "recruiter@connect2luton.local",
        [Who.PolicyOfficer] = "policy@connect2luton.local",
        [Who.Admin] = "admin@connect2luton.local",
    };

    [Fact]
    public async Task Every_handler_lets_in_exactly_the_roles_the_matrix_names_and_sends_everyone_else_away()
    {
        var handlers = await HandlersAsync();
        var samples = await SamplesAsync();
        var clients = new Dictionary<Who, (HttpClient Client, string Token)>();
        foreach (var who in Everyone) clients[who] = await ClientAsync(who);

        var observed = new SortedDictionary<string, List<Who>>(StringComparer.Ordinal);
        var wrong = new List<string>();
        // Signing out ends the session the rest of the tries use, so it goes last.
        foreach (var handler in handlers.OrderBy(h => h.Key == "POST /Account/SignOut").ThenBy(h => h.Key, StringComparer.Ordinal))
        {
            var allowed = new List<Who>();
            foreach (var who in Everyone)
            {
                var (client, token) = handler.Key == "POST /Account/SignOut" ? await ClientAsync(who) : clients[who];
                using var response = await SendAsync(client, token, handler, samples);
                var outcome = Classify(handler, response, who);
                if ((int)response.StatusCode >= 500) wrong.Add($"{handler.Key} as {who}: {(int)response.StatusCode}");
                if (outcome == Outcome.Allowed) allowed.Add(who);
                if (outcome == Outcome.SentToSignIn && who != Who.Anonymous) wrong.Add($"{handler.Key} as {who}: sent to sign in although signed in");
                if (outcome == Outcome.Refused && who == Who.Anonymous) wrong.Add($"{handler.Key} as {who}: refused rather than sent to sign in");
            }
            observed[handler.Key] = allowed;
        }

        var table = new StringBuilder();
        foreach (var (key, allowed) in observed) table.AppendLine($"        [\"{key}\"] = {Describe(allowed)},");
        wrong.ShouldBeEmpty();
        observed.Keys.Except(Expected.Keys).ShouldBeEmpty($"handlers with no decision in the matrix; as observed:\n{table}");
        Expected.Keys.Except(observed.Keys).ShouldBeEmpty("decisions for handlers the app no longer has");
        foreach (var (key, allowed) in observed)
            allowed.ShouldBe(Expected[key], ignoreOrder: true, $"{key}; the whole table as observed:\n{table}");
    }

    private enum Outcome { Allowed, SentToSignIn, Refused }

    private static Outcome Classify(Handler handler, HttpResponseMessage response, Who who)
    {
        var location = response.Headers.Location?.OriginalString ?? string.Empty;
        // The refusal page answers 403 to say so; signing out ends at the sign-in page. Both are the page working.
        if (handler.Key == "GET /Account/AccessDenied" && response.StatusCode == HttpStatusCode.Forbidden) return Outcome.Allowed;
        if (handler.Key == "POST /Account/SignOut" && who != Who.Anonymous && location.Contains("/Account/SignIn", StringComparison.OrdinalIgnoreCase)) return Outcome.Allowed;
        if (response.StatusCode is HttpStatusCode.Unauthorized || (response.StatusCode == HttpStatusCode.Redirect && location.Contains("/Account/SignIn", StringComparison.OrdinalIgnoreCase)))
            return Outcome.SentToSignIn;
        if (response.StatusCode is HttpStatusCode.Forbidden || (response.StatusCode == HttpStatusCode.Redirect && location.Contains("/Account/AccessDenied", StringComparison.OrdinalIgnoreCase)))
            return Outcome.Refused;
        return Outcome.Allowed;
    }

    private static string Describe(List<Who> allowed)
    {
        Who[] set = [.. allowed.Order()];
        foreach (var (name, named) in new[] { ("Everyone", Everyone), ("SignedIn", SignedIn), ("Recruiters", Recruiters), ("Officers", Officers), ("Services", Services), ("Admins", Admins), ("Approvers", Approvers) })
            if (set.SequenceEqual(named.Order())) return name;
        return set.Length == 0 ? "[]" : $"[{string.Join(", ", set.Select(w => $"Who.{w}"))}]";
    }

    private sealed record Handler(string Key, string Method, string Template, string? Name);

    /// <summary>Every page's handlers (as Razor Pages compiles them) and every other endpoint, by method and route.</summary>
    private async Task<List<Handler>> HandlersAsync()
    {
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var loader = factory.Services.GetRequiredService<PageLoader>();
        var handlers = new List<Handler>();
        foreach (var endpoint in endpoints)
        {
            var template = "/" + endpoint.RoutePattern.RawText?.TrimStart('/');
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                var compiled = await loader.LoadAsync(page, endpoint.Metadata);
                foreach (var method in compiled.HandlerMethods)
                {
                    var verb = method.HttpMethod.ToUpperInvariant();
                    handlers.Add(new Handler($"{verb} {template}{(method.Name is null ? string.Empty : $"?handler={method.Name}")}", verb, template, method.Name));
                }
            }
            else
            {
                foreach (var verb in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                    handlers.Add(new Handler($"{verb} {template}", verb, template, null));
            }
        }
        // A page reached at two addresses (Index at "/" and "/Index") is one page: try it at its shorter one.
        return handlers.GroupBy(h => h.Key).Select(g => g.First())
            .Where(h => !h.Template.EndsWith("/Index", StringComparison.Ordinal)).ToList();
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string token, Handler handler, IReadOnlyDictionary<string, string> samples)
    {
        var path = Fill(handler.Template, samples);
        var address = new Uri(handler.Name is null ? path : $"{path}?handler={handler.Name}", UriKind.Relative);
        if (handler.Method == "GET") return await client.GetAsync(address);
        // The antiforgery token and nothing else: enough to reach the handler, which then finds nothing to do.
        using var form = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]);
        return await client.SendAsync(new HttpRequestMessage(new HttpMethod(handler.Method), address) { Content = form });
    }

    // Route values that exist, in the demo hiring manager's own service, so a refusal is the role's and not the record's.
    private static string Fill(string template, IReadOnlyDictionary<string, string> samples)
    {
        var segments = template.Split('/');
        var resource = segments.Length > 1 ? segments[1] : string.Empty;
        for (var i = 0; i < segments.Length; i++)
        {
            if (!segments[i].StartsWith('{')) continue;
            var name = segments[i].Trim('{', '}').Split(':')[0].TrimEnd('?');
            segments[i] = name == "id" ? samples[resource] : samples[name];
        }
        return string.Join('/', segments);
    }

    private async Task<IReadOnlyDictionary<string, string>> SamplesAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var area = await db.HiringManagers.Where(m => m.Email == DemoDataSeeder.DemoManagerEmail).Select(m => m.ServiceAreaId).SingleAsync();
        var requisition = await db.Requisitions.Include(r => r.Shortlist)
            .FirstAsync(r => r.ServiceAreaId == area && r.Status == RequisitionStatus.Open && r.Shortlist.Any(e => e.Status == ShortlistEntryStatus.Shortlisted));
        var shortlisted = new { requisition.Id, requisition.Shortlist.First(e => e.Status == ShortlistEntryStatus.Shortlisted).WorkerId };
        var placement = await db.Placements.Where(p => p.ServiceAreaId == area && p.Status == PlacementStatus.Active).Select(p => p.Id).FirstAsync();
        // The demo data has no prompts until the nightly job raises them; the conversion pages authorize by role first.
        var prompt = await db.ConversionPrompts.Where(p => p.ServiceAreaId == area && p.Status == ConversionPromptStatus.Open).Select(p => (int?)p.Id).FirstOrDefaultAsync() ?? int.MaxValue;
        return new Dictionary<string, string>
        {
            ["Requisitions"] = shortlisted.Id.ToString(),
            ["workerId"] = shortlisted.WorkerId.ToString(),
            ["Placements"] = placement.ToString(),
            ["Workers"] = shortlisted.WorkerId.ToString(),
            ["Conversions"] = prompt.ToString(),
            ["Rules"] = "pay-rate-caps",
            ["name"] = "pay-rate-caps",
            ["step"] = "Reject",
            ["code"] = "404",
        };
    }

    private async Task<(HttpClient, string Token)> ClientAsync(Who who)
    {
        var client = who == Who.Anonymous ? factory.CreateBrowser() : await factory.SignedInAsAsync(Users[who]);
        var page = await client.GetPageAsync(who == Who.Anonymous ? "/Account/SignIn" : "/");
        var token = page.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")?.Value
            ?? throw new ShouldAssertException($"No antiforgery token on the first page {who} sees.");
        return (client, token);
    }
}
