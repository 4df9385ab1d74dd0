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
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Connect2Luton.Web.Tests.Security.AccessMatrix;

namespace Connect2Luton.Web.Tests.Security;

/// <summary>
/// Every page handler and endpoint the app maps, found from the app's own endpoints, tried as someone not signed in
/// and as each role. Who may use each is written out here, so a new page or handler with no decision fails the test
/// until someone decides.
/// </summary>
public sealed class AuthorizationMatrixTests(Connect2LutonFactory factory) : IClassFixture<Connect2LutonFactory>
{
    [Fact]
    public async Task Every_handler_lets_in_exactly_the_roles_the_matrix_names_and_sends_everyone_else_away()
    {
        var handlers = await AppHandlers.AllAsync(factory.Services);
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

    private static Outcome Classify(AppHandler handler, HttpResponseMessage response, Who who)
    {
        var location = response.Headers.Location?.OriginalString ?? string.Empty;
        // The refusal page answers 403 to say so; signing out ends at the sign-in page. Both are the page working.
        if (handler.Key == "GET /Account/AccessDenied" && response.StatusCode == HttpStatusCode.Forbidden) return Outcome.Allowed;
        if (handler.Key == "POST /Account/SignOut" && who != Who.Anonymous && location.Contains("/Account/SignIn", StringComparison.OrdinalIgnoreCase)) return Outcome.Allowed;
        if (response.StatusCode is HttpStatusCode.Unauthorized || (response.StatusCode == HttpStatusCode.Redirect && location.Contains("/Account/SignIn", StringComparison.OrdinalIgnoreCase)))
            return Outcome.SentToSignIn;
        if (response.StatusCode is HttpStatusCode.Forbidden || (response.StatusCode == HttpStatusCode.Redirect && location.Contains("/Account/AccessDenied", StringComparison.OrdinalIgnoreCase)))
            return Outcome.Refused;
        // The council's pages are not there for agency staff: not found is how they are refused (their account's
        // pages answer them as anyone else).
        if (who is Who.AgencyStaff or Who.Worker && response.StatusCode == HttpStatusCode.NotFound && !handler.Template.StartsWith("/Account", StringComparison.Ordinal))
            return Outcome.Refused;
        return Outcome.Allowed;
    }

    private static string Describe(List<Who> allowed)
    {
        Who[] set = [.. allowed.Order()];
        foreach (var (name, named) in new[] { ("Everyone", Everyone), ("SignedIn", SignedIn), ("Accounts", Accounts), ("Agencies", Agencies), ("WithARole", WithARole), ("Recruiters", Recruiters), ("Officers", Officers), ("Services", Services), ("Admins", Admins), ("Approvers", Approvers), ("Holders", Holders), ("TimesheetApprovers", TimesheetApprovers), ("WorkersThemselves", WorkersThemselves) })
            if (set.SequenceEqual(named.Order())) return name;
        return set.Length == 0 ? "[]" : $"[{string.Join(", ", set.Select(w => $"Who.{w}"))}]";
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string token, AppHandler handler, IReadOnlyDictionary<string, string> samples)
    {
        // Route values that exist, in the demo hiring manager's own service, so a refusal is the role's and not the record's.
        // A placement's id is the sample for its section where it has one: the agency portal's is one of the demo agency's placements.
        var address = new Uri(handler.Address(name => name == "id" ? samples.GetValueOrDefault(Section(handler)) ?? samples[handler.Resource]
            : name == "placementId" ? samples.GetValueOrDefault(Section(handler)) ?? samples[name] : samples[name]), UriKind.Relative);
        if (handler.Method == "GET") return await client.GetAsync(address);
        // The antiforgery token and nothing else: enough to reach the handler, which then finds nothing to do.
        using var form = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]);
        return await client.SendAsync(new HttpRequestMessage(new HttpMethod(handler.Method), address) { Content = form });
    }

    /// <summary>The first two segments of the route ("Admin/ServiceAreas"): under /Admin each says what its <c>{id}</c> is the id of.</summary>
    private static string Section(AppHandler handler) => string.Join('/', handler.Template.Split('/', StringSplitOptions.RemoveEmptyEntries).Take(2));

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
        // The demo booking over the DfE cap waits for the Director of Children's Services, whom the Director holds.
        var signOff = await db.Set<SignOff>().Where(s => s.State == SignOffState.Awaiting && s.Position == "Director of Children's Services").Select(s => s.Id).FirstAsync();
        var prompt = await db.ConversionPrompts.Where(p => p.ServiceAreaId == area && p.Status == ConversionPromptStatus.Open).Select(p => (int?)p.Id).FirstOrDefaultAsync() ?? int.MaxValue;
        // An account to open: the demo policy officer's (the matrix posts nothing to it that could change it).
        var account = await db.Users.Where(u => u.UserName == Users[Who.PolicyOfficer]).Select(u => u.Id).SingleAsync();
        // Reference data to open: the demo hiring manager's service, a role and an agency, and a manager with no account.
        var role = await db.JobRoles.Select(r => r.Id).FirstAsync();
        var agency = await db.SupplyAgencies.Select(a => a.Id).FirstAsync();
        var manager = await db.HiringManagers.Where(m => m.Email != DemoDataSeeder.DemoManagerEmail).Select(m => m.Id).FirstAsync();
        // A file uploaded to import, to preview (a confirmation with no preview behind it is shown the file again, saving nothing).
        var upload = await ImportUploads.SampleAsync(db, factory.Clock.GetUtcNow());
        // The requisition released to the demo agency, with a candidate of its own put forward for it.
        var (vacancy, candidate, submission) = await AgencySamples.PutForwardAsync(db, requisition.Id, Users[Who.AgencyStaff], factory.Clock.GetUtcNow());
        // A live placement of a worker the demo agency supplies, whose weeks its staff enter.
        var demoAgency = await db.Users.Where(u => u.UserName == Users[Who.AgencyStaff]).Select(u => u.SupplyAgencyId).SingleAsync();
        var supplied = await db.Placements.Where(p => p.SupplyAgencyId == demoAgency && p.Status == PlacementStatus.Active).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
        return new Dictionary<string, string>
        {
            ["Admin"] = account,
            ["upload"] = upload.ToString(),
            ["Admin/ServiceAreas"] = area.ToString(),
            ["Admin/Organisations"] = Domain.HiringOrganisations.HiringOrganisation.CouncilId.ToString(),
            ["Admin/JobRoles"] = role.ToString(),
            ["Admin/SupplyAgencies"] = agency.ToString(),
            ["Admin/HiringManagers"] = manager.ToString(),
            ["Requisitions"] = shortlisted.Id.ToString(),
            ["workerId"] = shortlisted.WorkerId.ToString(),
            ["Placements"] = placement.ToString(),
            ["placementId"] = (await db.Users.Where(u => u.UserName == Users[Who.Worker]).Select(u => u.WorkerId).SingleAsync() is { } demoWorker
                ? await db.Placements.Where(p => p.WorkerId == demoWorker && p.Status == PlacementStatus.Active).Select(p => p.Id).FirstAsync()
                : placement).ToString(),
            ["week"] = Domain.Timesheets.TimesheetWeek.MondayOf(DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime)).AddDays(-7).ToString("yyyy-MM-dd"),
            ["Workers"] = shortlisted.WorkerId.ToString(),
            ["Conversions"] = prompt.ToString(),
            ["SignOffs"] = signOff.ToString(),
            ["Rules"] = "pay-rate-caps",
            ["name"] = "pay-rate-caps",
            ["step"] = "Reject",
            ["code"] = "404",
            ["Agency/Vacancies"] = vacancy.ToString(),
            ["Agency/Candidates"] = candidate.ToString(),
            ["Agency/Submissions"] = submission.ToString(),
            ["Agency/Timesheets"] = supplied.ToString(),
            ["submissionId"] = submission.ToString(),
        };
    }

    private async Task<(HttpClient, string Token)> ClientAsync(Who who)
    {
        var client = who == Who.Anonymous ? factory.CreateBrowser() : await factory.SignedInAsAsync(Users[who]);
        var page = await client.GetPageAsync(who switch { Who.Anonymous => "/Account/SignIn", Who.AgencyStaff => "/Agency", Who.Worker => "/Me", _ => "/" });
        var token = page.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")?.Value
            ?? throw new ShouldAssertException($"No antiforgery token on the first page {who} sees.");
        return (client, token);
    }
}
