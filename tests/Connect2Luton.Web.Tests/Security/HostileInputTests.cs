using System.Net;
using System.Security.Cryptography;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Bogus;
using Connect2Luton.Application.Conversions;
using Connect2Luton.Application.Jobs;
using Connect2Luton.Domain.Conversions;
using Connect2Luton.Domain.Jobs;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Domain.Requisitions;
using Connect2Luton.Infrastructure.DemoData;
using Connect2Luton.Infrastructure.Persistence;
using Connect2Luton.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static Connect2Luton.Web.Tests.Security.AccessMatrix;

namespace Connect2Luton.Web.Tests.Security;

/// <summary>The app on a copy of rules/, with the scheduled jobs out of the way: a job's own writes would read as a submission's.</summary>
public sealed class HostileInputFactory : Connect2LutonFactory
{
    protected override bool ChangesRuleFiles => true;

    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        .. base.Settings,
        new("Scheduling:FlagLongRunningPlacements", "0 0 0 1 1 ? 2099"),
        new("Scheduling:RaiseConversionPrompts", "0 0 0 1 1 ? 2099"),
        new("Scheduling:ReleaseRequisitions", "0 0 0 1 1 ? 2099"),
    ];
}

/// <summary>
/// Generated bad input at volume, through every form the app renders and every route value: each submission has at
/// least one thing wrong with it (and hostile text in its other fields), is sent as someone the handler admits, and
/// must be refused with a reason a person can read, leave every table and rule file as it was, and never echo its
/// markup back unencoded.
/// </summary>
public sealed class HostileInputTests(HostileInputFactory factory, ITestOutputHelper output) : IClassFixture<HostileInputFactory>
{
    private const int Submissions = 1_200;

    /// <summary>Handlers that only show something for the terms typed so far (a preview, a check, a what-if) and keep nothing.</summary>
    private static readonly HashSet<string> Previews = new(StringComparer.Ordinal)
    {
        "POST /Placements/New?handler=Check", "POST /Placements/{id:int}/Extend?handler=Check",
        "POST /Rules/Edit/{name}?handler=Check", "POST /Rules/Edit/{name}?handler=Apply", "POST /Rules/Edit/{name}?handler=AcceptCases", "POST /Rules/WhatIf/{name}",
        "POST /Rules/Try/{name}", "POST /Rules/Try/{name}?handler=UseRealCase", "POST /Rules/Try/{name}?handler=AddCase",
    };

    [Fact]
    public async Task Twelve_hundred_hostile_submissions_are_each_refused_with_a_reason_and_change_nothing()
    {
        var seed = int.TryParse(System.Environment.GetEnvironmentVariable("FUZZ_SEED"), out var given) ? given : 20261203;
        var faker = new Faker("en_GB") { Random = new Randomizer(seed) };
        var values = new HostileValues(faker);
        var clients = new Dictionary<Who, HttpClient>();
        foreach (var who in new[] { Who.HiringManager, Who.Recruiter, Who.PolicyOfficer, Who.Admin, Who.Director, Who.AgencyStaff, Who.Worker }) clients[who] = await factory.SignedInAsAsync(Users[who]);
        await RaiseConversionPromptsAsync();
        var subjects = await SubjectsAsync() with { Weeks = await TimesheetWeeksAsync(clients), AgencyWeeks = await AgencyTimesheetWeeksAsync(clients) };
        var targets = await TargetsAsync(clients, subjects);

        // Refused bookings and extensions keep the decision that refused them, by design (the refusals report reads
        // them), so those rows are left out; every other row of every table counts.
        await using var database = await DatabaseFingerprint.OpenAsync(factory.ConnectionString,
            table => table == "RuleDecisions" ? "SELECT * FROM RuleDecisions WHERE Refused IS NULL ORDER BY rowid" : $"SELECT * FROM \"{table}\" ORDER BY rowid");
        var tables = await database.TablesAsync();
        var rules = RuleFilesHash();

        var problems = new List<string>();
        var outcomes = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var flaws = new SortedDictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < Submissions; i++)
        {
            var target = targets[i % targets.Count];
            var submission = Compose(target, values, faker, subjects, DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime));
            flaws[submission.Flaw.Split(':')[0]] = flaws.GetValueOrDefault(submission.Flaw.Split(':')[0]) + 1;
            using var response = await SendAsync(target, submission);
            var body = await response.Content.ReadAsStringAsync();
            var what = $"#{i} {target.Handler.Key} as {target.Actor}, {submission.Flaw}: {(int)response.StatusCode}";

            var outcome = await ExplainAsync(response, body, submission.Flaw.StartsWith("field", StringComparison.Ordinal) && Previews.Contains(target.Handler.Key), submission.Unseen);
            outcomes[outcome ?? "not explained"] = outcomes.GetValueOrDefault(outcome ?? "not explained") + 1;
            if ((int)response.StatusCode >= 500) problems.Add($"{what}: a server error");
            else if (outcome is null) problems.Add($"{what}: refused without a reason shown, or accepted ({response.Headers.Location})");
            foreach (var markup in submission.Markup.Where(m => body.Contains(m, StringComparison.Ordinal)))
                problems.Add($"{what}: its markup came back unencoded: {markup}");
            if (await database.ChangedSinceLastLook())
            {
                var now = await database.TablesAsync();
                foreach (var table in now.Keys.Union(tables.Keys).Where(t => now.GetValueOrDefault(t) != tables.GetValueOrDefault(t)))
                    problems.Add($"{what}: changed {table} ({tables.GetValueOrDefault(table)} -> {now.GetValueOrDefault(table)})");
                tables = now;
            }
            if (target.Handler.Template.StartsWith("/Rules", StringComparison.Ordinal) && RuleFilesHash() is var after && after != rules)
            {
                problems.Add($"{what}: changed a rule file");
                rules = after;
            }
        }

        output.WriteLine($"Seed {seed}: {Submissions} submissions to {targets.Count} handlers ({targets.Count(t => t.Form is not null)} with their form found).");
        output.WriteLine("Flaws: " + string.Join(", ", flaws.Select(f => $"{f.Key} {f.Value}")));
        output.WriteLine("Outcomes: " + string.Join(", ", outcomes.Select(o => $"{o.Key} {o.Value}")));
        foreach (var target in targets.Where(t => t.Form is null)) output.WriteLine($"No form found for {target.Handler.Key}: tokens and route values only.");
        problems.ShouldBeEmpty($"seed {seed}");
        targets.Count(t => t.Form is not null).ShouldBeGreaterThanOrEqualTo(20, "the forms were found, so their fields were tried");
    }

    /// <summary>
    /// Files no import can read, uploaded as a browser uploads them (multipart) to both import pages: each is refused
    /// beside the file field with a reason, its name never comes back as markup, and no row of any table changes
    /// (nothing of a refused file is kept, not even the upload).
    /// </summary>
    [Fact]
    public async Task Hostile_files_uploaded_to_import_are_each_refused_beside_the_file_field_and_change_nothing()
    {
        var admin = await factory.SignedInAsAsync(Users[Who.Admin]);
        var header = Encoding.UTF8.GetBytes(string.Join(',', Testing.ImportFiles.WorkerHeadings) + "\r\n");
        var row = Encoding.UTF8.GetBytes("W-1,Siân,O'Neil,s@example.com,,LU1 3JH,Housing,Connect2Luton in-house pool\r\n");
        var random = new Randomizer(20261205);
        var files = new Dictionary<string, byte[]>
        {
            ["empty"] = [],
            ["blank lines"] = "\r\n \r\n"u8.ToArray(),
            ["headings only"] = header,
            ["wrong columns"] = "Name,Salary,<script>alert(1)</script>\r\nA,1,2\r\n"u8.ToArray(),
            ["Windows-1252"] = Encoding.Latin1.GetBytes(Encoding.UTF8.GetString(header) + "W-1,Siân £,x\r\n"),
            ["UTF-16"] = [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Encoding.UTF8.GetString(header))],
            ["UTF-32"] = [.. Encoding.UTF32.GetPreamble(), .. Encoding.UTF32.GetBytes(Encoding.UTF8.GetString(header))],
            ["a byte order mark part-way"] = [0xEF, 0xBB, 0xBF, .. header, .. row, 0xEF, 0xBB, 0xBF, .. header, .. row],
            ["a workbook"] = [0x50, 0x4B, 0x03, 0x04, .. random.Bytes(4000)],
            ["random bytes"] = random.Bytes(64_000),
            ["a quote never closed"] = [.. header, .. "\"W-1,Siân,x\r\n"u8, .. Enumerable.Repeat((byte)'a', 1_200_000)],
            ["a null character"] = [.. header, .. row[..10], 0, .. row[10..]],
            ["over the limit"] = [.. header, .. Enumerable.Repeat(row, 11 * 1024 * 1024 / row.Length + 1).SelectMany(r => r)],
            ["too many rows"] = [.. header, .. Enumerable.Repeat(row, 20_001).SelectMany(r => r)],
            ["semicolons"] = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(header).Replace(',', ';') + "W-1;x\r\n"),
        };
        await using var database = await DatabaseFingerprint.OpenAsync(factory.ConnectionString, table => $"SELECT * FROM \"{table}\" ORDER BY rowid");
        var before = await database.TablesAsync();
        var problems = new List<string>();
        foreach (var path in new[] { "/Admin/Import/Workers", "/Admin/Import/Placements" })
        {
            foreach (var (kind, content) in files)
            {
                var page = await admin.GetPageAsync(path);
                using var response = await admin.UploadAsync(page, "File", $"<img src=x onerror=alert(1)>{kind}.csv", content);
                var body = await response.Content.ReadAsStringAsync();
                var refused = await Browsing.ParseAsync(new HttpResponseMessage(response.StatusCode) { Content = new StringContent(body) });
                if (response.StatusCode != HttpStatusCode.OK) problems.Add($"{path}, {kind}: {(int)response.StatusCode} {response.Headers.Location}");
                else if (refused.QuerySelector("#File-error")?.TextContent.Trim() is not { Length: > 10 } reason) problems.Add($"{path}, {kind}: no reason beside the file field");
                else output.WriteLine($"{path}, {kind}: {reason}");
                if (body.Contains("<img src=x", StringComparison.Ordinal) || body.Contains("<script>alert", StringComparison.Ordinal)) problems.Add($"{path}, {kind}: markup came back unencoded");
                if (await database.ChangedSinceLastLook()) problems.Add($"{path}, {kind}: the database changed");
            }
        }
        problems.ShouldBeEmpty();
        (await database.TablesAsync()).ShouldBe(before);
    }

    private sealed record Target(AppHandler Handler, Who Actor, HttpClient Client, string Token, string Address, FoundForm? Form, IReadOnlyDictionary<string, string> Route);

    /// <param name="Unseen">The flaw is in something the person never sees (a hidden id or version), so there is no field to say it beside.</param>
    private sealed record Submission(string Address, IReadOnlyList<KeyValuePair<string, string>> Fields, string? Token, string Flaw, IReadOnlyList<string> Markup, bool Unseen);

    /// <summary>One submission: the form as a browser would send it, with one thing wrong and hostile text elsewhere.</summary>
    private static Submission Compose(Target target, HostileValues values, Faker faker, Subjects subjects, DateOnly today)
    {
        var fields = target.Form?.Fields.DistinctBy(f => f.Name).ToDictionary(f => f.Name, f => f.Value) ?? [];
        var markup = new List<string>();
        var address = target.Address;
        var token = target.Token;
        // Hostile text in the fields the flaw leaves alone: a refused page shows it back, and must show it encoded.
        foreach (var field in target.Form?.Fields.Where(f => f.Kind == FieldKind.Text && faker.Random.Bool(0.4f)) ?? [])
        {
            var (text, danger) = values.Text();
            fields[field.Name] = text;
            if (danger is not null) markup.Add(danger);
        }

        var flaws = FlawsFor(target, subjects).ToList();
        var flaw = faker.PickRandom(flaws);
        switch (flaw.Kind)
        {
            case "token: none": token = null; break;
            case "token: forged": token = values.ForgedToken(); break;
            case "route: not an id": address = Readdress(target, flaw.Field!, values.NotAnId()); break;
            case "route: unknown": address = Readdress(target, flaw.Field!, flaw.Field == "name" ? values.UnknownName() : values.UnknownId()); break;
            case "route: another service's": address = Readdress(target, flaw.Field!, faker.PickRandom<string>(subjects.OthersFor(target.Handler))); break;
            default:
                Spoil(target.Form!.Fields.Where(f => f.Name == flaw.Field || f.Group == flaw.Field).ToList(), flaw.Kind, fields, values, faker, target.Form.Fields, today);
                break;
        }
        var unseen = target.Form?.Fields.Any(f => f.Name == flaw.Field && f.Kind is FieldKind.Hidden or FieldKind.HiddenNumber) ?? false;
        return new Submission(address, [.. fields], token, $"{flaw.Kind}{(flaw.Field is null ? string.Empty : $" ({flaw.Field})")}", markup, unseen);
    }

    private sealed record Flaw(string Kind, string? Field);

    private static IEnumerable<Flaw> FlawsFor(Target target, Subjects subjects)
    {
        yield return new Flaw("token: none", null);
        yield return new Flaw("token: forged", null);
        foreach (var name in target.Route.Keys)
        {
            if (name is "step") continue;
            if (name != "name") yield return new Flaw("route: not an id", name);
            yield return new Flaw("route: unknown", name);
        }
        // Someone else's record in the route: another service's for a hiring manager, another agency's for agency staff,
        // another worker's placement for a worker (a week's pages name the placement, not an id).
        var recordKey = target.Route.ContainsKey("id") ? "id" : target.Route.ContainsKey("placementId") ? "placementId" : null;
        if (target.Actor is Who.HiringManager or Who.AgencyStaff or Who.Worker && recordKey is not null && subjects.OthersFor(target.Handler).Count > 0)
            yield return new Flaw("route: another service's", recordKey);
        if (target.Form is null) yield break;
        var fields = target.Form.Fields;
        foreach (var field in fields.Where(f => !f.Name.EndsWith(".Shown", StringComparison.Ordinal) && !f.Name.StartsWith("ValuesShown", StringComparison.Ordinal)))
        {
            switch (field.Kind)
            {
                case FieldKind.Text:
                    yield return new Flaw("field: overlong", field.Name);
                    if (!field.Optional) yield return new Flaw("field: blank", field.Name);
                    yield return new Flaw("field: control characters", field.Name);
                    if (field.Name.EndsWith(".Expression", StringComparison.Ordinal)) yield return new Flaw("field: hostile expression", field.Name);
                    break;
                case FieldKind.Number:
                    yield return new Flaw("field: not a number", field.Name);
                    yield return new Flaw("field: negative", field.Name);
                    yield return new Flaw("field: overlong", field.Name);
                    if (!field.Optional) yield return new Flaw("field: blank", field.Name);
                    break;
                case FieldKind.DatePart when field.Name.EndsWith(".Day", StringComparison.Ordinal):
                    yield return new Flaw("field: not a date", field.Group);
                    if (!field.Optional) yield return new Flaw("field: blank", field.Group);
                    break;
                case FieldKind.Choice:
                    yield return new Flaw("field: not an option", field.Name);
                    if (!field.Optional && field.Options.Count > 1) yield return new Flaw("field: blank", field.Name);
                    break;
                case FieldKind.Check:
                    yield return new Flaw("field: not a yes or no", field.Name);
                    break;
                case FieldKind.HiddenNumber or FieldKind.Hidden when field.IsVersion:
                    yield return new Flaw("field: stale version", field.Name);
                    break;
                case FieldKind.HiddenNumber:
                    yield return new Flaw("field: unknown id", field.Name);
                    yield return new Flaw("field: not a number", field.Name);
                    break;
                case FieldKind.Hidden:
                    yield return new Flaw("field: overlong", field.Name);
                    break;
            }
        }
        var starts = fields.Where(f => f.Kind == FieldKind.DatePart && f.Group.Contains("Start", StringComparison.Ordinal)).Select(f => f.Group).Distinct().ToList();
        var ends = fields.Where(f => f.Kind == FieldKind.DatePart && f.Group.Contains("End", StringComparison.Ordinal)).Select(f => f.Group).Distinct().ToList();
        if (starts.Count == 1 && ends.Count == 1) yield return new Flaw("field: dates reversed", starts[0] + "|" + ends[0]);
    }

    private static void Spoil(List<FormField> targets, string kind, Dictionary<string, string> fields, HostileValues values, Faker faker, IReadOnlyList<FormField> all, DateOnly today)
    {
        if (kind == "field: dates reversed")
        {
            // The end up to two months before the start: both real dates, in the wrong order.
            var start = today.AddDays(faker.Random.Int(10, 90));
            SetDate(fields, all.First(f => f.Kind == FieldKind.DatePart && f.Group.Contains("Start", StringComparison.Ordinal)).Group, start);
            SetDate(fields, all.First(f => f.Kind == FieldKind.DatePart && f.Group.Contains("End", StringComparison.Ordinal)).Group, start.AddDays(-faker.Random.Int(1, 60)));
            return;
        }
        foreach (var field in targets)
        {
            fields[field.Name] = kind switch
            {
                "field: overlong" => field.Kind is FieldKind.Number ? new string('9', faker.Random.Int(40, 5_000)) : values.Overlong(),
                "field: blank" => string.Empty,
                "field: hostile expression" => values.HostileExpression(),
                "field: control characters" => values.ControlCharacters(),
                "field: not a number" => values.NotANumber(),
                "field: negative" => values.Negative(),
                "field: not an option" => values.NotAnOption(field.Options),
                "field: not a yes or no" => faker.PickRandom("maybe", "2", "-1", "yes please"),
                "field: stale version" => field.Kind == FieldKind.HiddenNumber ? (int.Parse(field.Value, System.Globalization.CultureInfo.InvariantCulture) + faker.Random.Int(1, 50)).ToString(System.Globalization.CultureInfo.InvariantCulture) : Convert.ToHexString(faker.Random.Bytes(32)),
                "field: unknown id" => values.UnknownId(),
                "field: not a date" => fields[field.Name],
                _ => throw new InvalidOperationException(kind),
            };
        }
        if (kind == "field: not a date")
        {
            var (part, value) = values.BadDatePart();
            // A whole real date first, so the one part is what is wrong.
            SetDate(fields, targets[0].Group, today.AddDays(faker.Random.Int(10, 90)));
            fields[$"{targets[0].Group}.{part}"] = value;
        }
        if (kind == "field: blank" && targets.Count > 0 && targets[0].Kind == FieldKind.Choice && targets[0].Options.Count > 0 && !targets[0].Options.Contains(string.Empty))
            fields.Remove(targets[0].Name); // radios left unchosen are not sent at all
    }

    private static void SetDate(Dictionary<string, string> fields, string group, DateOnly date)
    {
        fields[$"{group}.Day"] = date.Day.ToString(System.Globalization.CultureInfo.InvariantCulture);
        fields[$"{group}.Month"] = date.Month.ToString(System.Globalization.CultureInfo.InvariantCulture);
        fields[$"{group}.Year"] = date.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string Readdress(Target target, string name, string value)
    {
        var query = target.Address.Contains('?', StringComparison.Ordinal) ? target.Address[target.Address.IndexOf('?', StringComparison.Ordinal)..] : string.Empty;
        var path = target.Handler.Address(n => n == name ? value : target.Route[n]);
        // Handler.Address adds ?handler=; the form's own query (a page number, a placement to go back to) is kept.
        return path.Split('?')[0] + query;
    }

    private static async Task<HttpResponseMessage> SendAsync(Target target, Submission submission)
    {
        var fields = submission.Token is null ? submission.Fields : [.. submission.Fields, new("__RequestVerificationToken", submission.Token)];
        using var content = new FormUrlEncodedContent(fields);
        return await target.Client.PostAsync(new Uri(submission.Address, UriKind.Relative), content);
    }

    /// <summary>
    /// How the app answered, if a person would know what happened: a page saying what is wrong beside the field, a
    /// status page saying why, or the sign-in or no-permission page; for a hidden value, the summary at the top.
    /// Null when they would not (or it was accepted).
    /// </summary>
    private static async Task<string?> ExplainAsync(HttpResponseMessage response, string body, bool preview, bool unseen)
    {
        var location = response.Headers.Location?.OriginalString ?? string.Empty;
        if (response.StatusCode == HttpStatusCode.Redirect)
            return location.Contains("/Account/AccessDenied", StringComparison.OrdinalIgnoreCase) ? "no permission"
                : location.Contains("/Account/SignIn", StringComparison.OrdinalIgnoreCase) ? "sign in" : null;
        var page = await Browsing.ParseAsync(new HttpResponseMessage(response.StatusCode) { Content = new StringContent(body), RequestMessage = response.RequestMessage });
        if (response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound or HttpStatusCode.Forbidden or HttpStatusCode.Conflict)
            // The service-failure heading on a refusal would tell the person the wrong thing: to wait, not to correct.
            return page.QuerySelector("h1")?.TextContent.Trim() is { Length: > 0 } heading && !heading.Contains("problem with the service", StringComparison.Ordinal)
                ? $"{(int)response.StatusCode} {heading}" : null;
        if (response.StatusCode != HttpStatusCode.OK) return null;
        var summary = page.QuerySelectorAll(".govuk-error-summary__list li").Select(l => l.TextContent.Trim()).Where(t => t.Length > 0).ToList();
        var beside = page.QuerySelectorAll(".govuk-error-message").Select(e => e.TextContent.Trim()).Where(t => t.Length > 0).ToList();
        if (summary.Count > 0 && beside.Count > 0) return "shown beside the field";
        if (summary.Count > 0 && unseen) return "said at the top";
        if (beside.Count > 0 && page.QuerySelector("html body h1") is null) return "said in the live check";
        return preview ? "previewed, nothing kept" : null;
    }

    private string RuleFilesHash()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in Directory.EnumerateFiles(factory.Rules.Directory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(file));
            hash.AppendData(File.ReadAllBytes(file));
        }
        return Convert.ToHexString(hash.GetHashAndReset());
    }

    /// <summary>
    /// The demo data has no prompts until the nightly job raises them, and the conversion forms need one: the job's
    /// own runner, awaited, rather than "run now" and a wait for the scheduler to get to it.
    /// </summary>
    private async Task RaiseConversionPromptsAsync()
    {
        var run = await factory.Services.GetRequiredService<NightlyRunner>().RunAsync<ConversionPromptReview>("hostile input test", CancellationToken.None);
        run.Status.ShouldBe(JobRunStatus.Succeeded);
        run.Totals.PromptsRaised.ShouldBeGreaterThan(0);
    }

    /// <param name="Account">An account an admin opens (the demo policy officer's).</param>
    /// <param name="ResetQuery">A link's query that lets the policy officer set a password, for the page that sets it.</param>
    /// <param name="Upload">A file uploaded to import, whose preview has the form that imports it.</param>
    private sealed record Subjects(IReadOnlyDictionary<string, IReadOnlyList<int>> Own, IReadOnlyDictionary<string, IReadOnlyList<int>> Others, IReadOnlyList<(int Requisition, int Worker)> Shortlisted,
        string Account, string ResetQuery, int Upload, (int Requisition, int Submission) PutForward)
    {
        /// <summary>A placement's week for each timesheet handler to find its form on: one not yet sent, one sent, one approved.</summary>
        public IReadOnlyDictionary<string, (int Placement, string Week)> Weeks { get; init; } = new Dictionary<string, (int, string)>();

        /// <summary>As <see cref="Weeks"/>, in the agency portal: weeks of a placement the demo agency supplies.</summary>
        public IReadOnlyDictionary<string, (int Placement, string Week)> AgencyWeeks { get; init; } = new Dictionary<string, (int, string)>();

        public IReadOnlyList<string> OthersIn(string resource) =>
            Others.TryGetValue(resource, out var ids) ? [.. ids.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))] : [];

        /// <summary>Records of the handler's kind the person may not reach: by its section ("Agency/Vacancies") where it has one.</summary>
        public IReadOnlyList<string> OthersFor(AppHandler handler)
        {
            var section = string.Join('/', handler.Template.Split('/', StringSplitOptions.RemoveEmptyEntries).Take(2));
            return Others.ContainsKey(section) ? OthersIn(section) : OthersIn(handler.Resource);
        }
    }

    /// <summary>
    /// Weeks of the demo worker's live placement in the demo hiring manager's service, one for each timesheet handler to
    /// find its form on: last week saved but not sent (entered through the app here), one sent, one approved.
    /// </summary>
    private async Task<IReadOnlyDictionary<string, (int Placement, string Week)>> TimesheetWeeksAsync(Dictionary<Who, HttpClient> clients)
    {
        int placement;
        var today = DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime);
        var lastWeek = Domain.Timesheets.TimesheetWeek.MondayOf(today).AddDays(-7);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var area = await db.HiringManagers.Where(m => m.Email == DemoDataSeeder.DemoManagerEmail).Select(m => m.ServiceAreaId).SingleAsync();
            // The demo worker's own placement, so the worker's pages find their form on it as the council's do.
            var worker = await db.Users.Where(u => u.UserName == Users[Who.Worker]).Select(u => u.WorkerId).SingleAsync();
            placement = await db.Placements.Where(p => p.WorkerId == worker && p.ServiceAreaId == area && p.Status == PlacementStatus.Active && p.StartDate <= lastWeek.AddDays(-28))
                .OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
        }
        string Week(int weeksBack) => lastWeek.AddDays(-7 * weeksBack).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        async Task PressAsync(Who who, int weeksBack, string handler)
        {
            var path = $"/Timesheets/{placement}/{Week(weeksBack)}";
            var response = await clients[who].PressAsync(await clients[who].GetPageAsync(path), handler,
                handler is "Save" or "Submit" ? new Dictionary<string, string> { [$"Input.Hours[{Week(weeksBack)}-Standard]"] = "7.5" } : null);
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"{handler} {path}");
        }
        // The demo data approved the three weeks before last and left last week for the demo worker: the week before
        // those is sent here, and last week saved unsent.
        await PressAsync(Who.Recruiter, 0, "Save");
        await PressAsync(Who.Recruiter, 4, "Submit");
        return new Dictionary<string, (int, string)>
        {
            ["Save"] = (placement, Week(0)), ["Submit"] = (placement, Week(0)),
            ["Approve"] = (placement, Week(4)), ["Query"] = (placement, Week(4)),
            ["Adjust"] = (placement, Week(1)), ["ApplyParity"] = (placement, Week(1)),
        };
    }

    /// <summary>
    /// Weeks of a live placement the demo agency supplies, for the agency portal's timesheet handlers: this week saved
    /// but not sent by the agency's staff through the app here (the demo data enters none for it), and one approved.
    /// </summary>
    private async Task<IReadOnlyDictionary<string, (int Placement, string Week)>> AgencyTimesheetWeeksAsync(Dictionary<Who, HttpClient> clients)
    {
        var today = DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime);
        var thisWeek = Domain.Timesheets.TimesheetWeek.MondayOf(today);
        int placement;
        string approved;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var agency = await db.Users.Where(u => u.UserName == Users[Who.AgencyStaff]).Select(u => u.SupplyAgencyId).SingleAsync();
            var weeks = await db.Timesheets.Where(t => t.SupplyAgencyId == agency && t.Status == Domain.Timesheets.TimesheetStatus.Approved && t.Sequence == 0)
                .Join(db.Placements.Where(p => p.Status == PlacementStatus.Active && p.StartDate <= today && p.PlannedEndDate >= today), t => t.PlacementId, p => p.Id, (t, p) => new { t.PlacementId, t.WeekStart })
                .OrderBy(t => t.PlacementId).ThenByDescending(t => t.WeekStart).FirstAsync();
            (placement, approved) = (weeks.PlacementId, weeks.WeekStart.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }
        var week = thisWeek.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var path = $"/Agency/Timesheets/{placement}/{week}";
        var agencyStaff = clients[Who.AgencyStaff];
        var saved = await agencyStaff.PressAsync(await agencyStaff.GetPageAsync(path), "Save", new Dictionary<string, string> { [$"Input.Hours[{week}-Standard]"] = "7.5" });
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"Save {path}");
        return new Dictionary<string, (int, string)> { ["Save"] = (placement, week), ["Submit"] = (placement, week), ["Adjust"] = (placement, approved) };
    }

    /// <summary>Records to open forms on: a few of each kind in the demo hiring manager's service, and some in another.</summary>
    private async Task<Subjects> SubjectsAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var area = await db.HiringManagers.Where(m => m.Email == DemoDataSeeder.DemoManagerEmail).Select(m => m.ServiceAreaId).SingleAsync();
        var requisitions = await db.Requisitions.Select(r => new { r.Id, r.ServiceAreaId, r.Status }).ToListAsync();
        var placements = await db.Placements.Select(p => new { p.Id, p.ServiceAreaId, p.Status, p.WorkerId, p.SupplyAgencyId }).ToListAsync();
        var demoWorker = await db.Users.Where(u => u.Email == Infrastructure.Identity.IdentitySeeder.DemoWorkerEmail).Select(u => u.WorkerId).SingleAsync();
        var demoAgencyStaff = Users[Who.AgencyStaff];
        var demoAgency = await db.Users.Where(u => u.Email == demoAgencyStaff).Select(u => u.SupplyAgencyId).SingleAsync();
        var prompts = await db.ConversionPrompts.Where(p => p.Status == ConversionPromptStatus.Open).Select(p => new { p.Id, p.ServiceAreaId }).ToListAsync();
        var open = await db.Requisitions.Include(r => r.Shortlist).Where(r => r.ServiceAreaId == area && r.Status == RequisitionStatus.Open).OrderBy(r => r.Id).ToListAsync();
        var shortlisted = open.SelectMany(r => r.Shortlist.Where(e => e.Status == ShortlistEntryStatus.Shortlisted).Select(e => new { r.Id, e.WorkerId })).Take(3).ToList();
        var identity = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Infrastructure.Identity.ApplicationUser>>();
        var officer = (await identity.FindByNameAsync(Users[Who.PolicyOfficer]))!;
        var signOffs = await db.Set<SignOff>().Where(s => s.State == SignOffState.Awaiting && s.Position == "Director of Children's Services").Select(s => s.Id).Take(1).ToListAsync();
        var withBreaks = await db.Workers.Where(w => w.Breaks.Any()).OrderBy(w => w.Id).Select(w => w.Id).Take(2).ToListAsync();
        // Reference data to open, one of each kind deactivated (added for the test, so no demo record changes) for its reactivate button.
        var closed = new Domain.ServiceAreas.ServiceArea("ZZZ", "Closed service (test)", "Test", false, null);
        var retired = new Domain.JobRoles.JobRole("Retired role (test)", Domain.JobRoles.JobFamily.BusinessSupport, "C", 24_000m, 26_000m, Domain.JobRoles.RegistrationBody.None, null, false);
        var unused = new Domain.SupplyAgencies.SupplyAgency("Unused agency (test)", Domain.SupplyAgencies.SupplyAgencyKind.ExternalAgency, 0.15m, false, null);
        var stopped = new Domain.HiringOrganisations.HiringOrganisation("Stopped trust (test)", "1 Test Street\nLuton", "Finance", "finance@trust.example", false, 0m);
        db.AddRange(closed, retired, unused, stopped);
        await db.SaveChangesAsync();
        var left = new Domain.HiringManagers.HiringManager("Left manager (test)", "left.manager@luton.gov.example", "Head of Service", closed.Id, null);
        db.Add(left);
        closed.Deactivate();
        retired.Deactivate();
        unused.Deactivate();
        left.Deactivate();
        stopped.Deactivate();
        await db.SaveChangesAsync();
        // A requisition released to the demo agency with a candidate of its own put forward, and one released to
        // another agency (the demo agency's staff must find it nowhere).
        var released = open.First(r => r.Shortlist.Any(e => e.Status == ShortlistEntryStatus.Shortlisted));
        var (vacancy, candidate, putForward) = await AgencySamples.PutForwardAsync(db, released.Id, Users[Who.AgencyStaff], factory.Clock.GetUtcNow());
        var elsewhere = open.Last();
        var (_, _, theirs) = await AgencySamples.PutForwardAsync(db, elsewhere.Id, Infrastructure.Identity.IdentitySeeder.DemoAgencyStaff[1].Email, factory.Clock.GetUtcNow());
        var accounts = await db.Users.Select(u => u.NormalizedEmail).ToListAsync();
        var manager = await db.HiringManagers.Where(m => m.IsActive && !accounts.Contains(m.Email.ToUpper())).Select(m => m.Id).FirstAsync();
        // One requisition in each state, so each state's buttons (submit, approve, open, cancel) are on some page.
        List<int> ownRequisitions = [.. requisitions.Where(r => r.ServiceAreaId == area).GroupBy(r => r.Status).SelectMany(g => g.Take(2)).Select(r => r.Id)];
        return new Subjects(
            new Dictionary<string, IReadOnlyList<int>>
            {
                ["Requisitions"] = ownRequisitions,
                ["Placements"] = [.. placements.Where(p => p.ServiceAreaId == area && p.Status == PlacementStatus.Active).Take(3).Select(p => p.Id)],
                ["Conversions"] = [.. prompts.Where(p => p.ServiceAreaId == area).Take(3).Select(p => p.Id)],
                ["Workers"] = [.. withBreaks, .. shortlisted.Select(s => s.WorkerId)],
                ["SignOffs"] = signOffs,
                ["Admin/ServiceAreas"] = [area, closed.Id],
                ["Admin/Organisations"] = [Domain.HiringOrganisations.HiringOrganisation.CouncilId, stopped.Id],
                ["Admin/JobRoles"] = [await db.JobRoles.Where(r => r.IsActive).Select(r => r.Id).FirstAsync(), retired.Id],
                ["Admin/SupplyAgencies"] = [await db.SupplyAgencies.Where(a => a.IsActive).Select(a => a.Id).FirstAsync(), unused.Id],
                ["Admin/HiringManagers"] = [manager, left.Id],
                ["Agency/Vacancies"] = [vacancy],
                ["Agency/Candidates"] = [candidate],
                ["Agency/Submissions"] = [putForward],
            },
            new Dictionary<string, IReadOnlyList<int>>
            {
                ["Requisitions"] = [.. requisitions.Where(r => r.ServiceAreaId != area).Take(5).Select(r => r.Id)],
                ["Placements"] = [.. placements.Where(p => p.ServiceAreaId != area).Take(5).Select(p => p.Id)],
                ["Conversions"] = [.. prompts.Where(p => p.ServiceAreaId != area).Take(5).Select(p => p.Id)],
                ["Agency/Vacancies"] = [elsewhere.Id],
                ["Agency/Submissions"] = [theirs],
                ["Timesheets"] = [.. placements.Where(p => p.ServiceAreaId != area && p.Status == PlacementStatus.Active).Take(5).Select(p => p.Id)],
                ["Agency/Timesheets"] = [.. placements.Where(p => p.SupplyAgencyId != demoAgency && p.Status == PlacementStatus.Active).Take(5).Select(p => p.Id)],
                ["Me/Timesheets"] = [.. placements.Where(p => p.WorkerId != demoWorker && p.Status == PlacementStatus.Active).Take(5).Select(p => p.Id)],
            },
            [.. shortlisted.Select(s => (s.Id, s.WorkerId))],
            officer.Id,
            $"?user={Uri.EscapeDataString(officer.Id)}&token={Uri.EscapeDataString(await identity.GeneratePasswordResetTokenAsync(officer))}",
            await ImportUploads.SampleAsync(db, factory.Clock.GetUtcNow()),
            (vacancy, putForward));
    }

    /// <summary>
    /// Every POST handler but the error pages (which answer any request by design), each with someone it admits and
    /// the form that posts to it, found on its own page for one of the subjects.
    /// </summary>
    private async Task<List<Target>> TargetsAsync(Dictionary<Who, HttpClient> clients, Subjects subjects)
    {
        var targets = new List<Target>();
        foreach (var handler in (await AppHandlers.AllAsync(factory.Services)).Where(h => h.Method == "POST").OrderBy(h => h.Key, StringComparer.Ordinal))
        {
            if (handler.Template.StartsWith("/Error", StringComparison.Ordinal) || handler.Template.StartsWith("/Status", StringComparison.Ordinal)) continue;
            var actor = Actor(handler.Key);
            var client = actor == Who.Anonymous ? factory.CreateBrowser() : clients[actor];
            Target? found = null;
            foreach (var (route, query) in RouteValues(handler, subjects))
            {
                var address = handler.Address(n => route[n]);
                var path = address.Split('?')[0];
                // A form in the layout (signing out) is on every page, the dashboard among them; the button that starts
                // single sign-on is on the sign-in page.
                using var own = await client.GetAsync(new Uri((path == "/Account/ExternalSignIn" ? "/Account/SignIn" : path) + query, UriKind.Relative));
                using var response = own.StatusCode == HttpStatusCode.OK ? own : await client.GetAsync(new Uri("/", UriKind.Relative));
                if (response.StatusCode != HttpStatusCode.OK) continue;
                var page = await Browsing.ParseAsync(response);
                var token = page.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")?.Value;
                if (token is null) continue;
                var form = FoundForm.On(page, path, handler.Name);
                found ??= new Target(handler, actor, client, token, address + (query.Length > 0 ? "&" + query.TrimStart('?') : string.Empty).TrimEnd('&'), null, route);
                if (form is null) continue;
                found = new Target(handler, actor, client, token, form.Action, form, route);
                break;
            }
            targets.Add(found ?? throw new ShouldAssertException($"{handler.Key}: no page of its own to start from for {actor}."));
        }
        return targets;
    }

    /// <summary>Route values (and a query) for which the handler's page may show its form.</summary>
    private static IEnumerable<(Dictionary<string, string> Route, string Query)> RouteValues(AppHandler handler, Subjects subjects)
    {
        static string S(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (handler.Template == "/Placements/New")
        {
            foreach (var (requisition, worker) in subjects.Shortlisted) yield return ([], $"?requisition={S(requisition)}&worker={S(worker)}");
            yield break;
        }
        if (handler.Template == "/Account/ResetPassword")
        {
            yield return ([], subjects.ResetQuery);
            yield break;
        }
        if (handler.Template == "/Admin/Users/{id}")
        {
            yield return (new() { ["id"] = subjects.Account }, string.Empty);
            yield break;
        }
        if (handler.Template == "/Admin/Import/{upload:int}")
        {
            yield return (new() { ["upload"] = S(subjects.Upload) }, string.Empty);
            yield break;
        }
        if (handler.Template == "/Admin/Positions/Edit")
        {
            foreach (var post in new[] { "Chief Executive", "Director of HR" }) yield return ([], $"?post={Uri.EscapeDataString(post)}");
            yield break;
        }
        if (handler.Template.Contains("{submissionId", StringComparison.Ordinal))
        {
            yield return (new() { ["id"] = S(subjects.PutForward.Requisition), ["submissionId"] = S(subjects.PutForward.Submission) }, string.Empty);
            yield break;
        }
        if (handler.Template.Contains("{workerId", StringComparison.Ordinal))
        {
            foreach (var (requisition, worker) in subjects.Shortlisted) yield return (new() { ["id"] = S(requisition), ["workerId"] = S(worker) }, string.Empty);
            yield break;
        }
        if (handler.Template.StartsWith("/Agency/Timesheets/{placementId", StringComparison.Ordinal))
        {
            var (placement, week) = subjects.AgencyWeeks[handler.Name!];
            yield return (new() { ["placementId"] = S(placement), ["week"] = week }, string.Empty);
            yield break;
        }
        if (handler.Template.StartsWith("/Timesheets/{placementId", StringComparison.Ordinal) || handler.Template.StartsWith("/Me/Timesheets/{placementId", StringComparison.Ordinal))
        {
            var (placement, week) = subjects.Weeks[handler.Name!];
            yield return (new() { ["placementId"] = S(placement), ["week"] = week }, string.Empty);
            yield break;
        }
        if (handler.Template.Contains("{name}", StringComparison.Ordinal))
        {
            foreach (var name in new[] { "pay-rate-caps", "placement-length-limits", "local-candidate-preference", "permanent-conversion-eligibility", "supplier-release" })
                yield return (new() { ["name"] = name }, string.Empty);
            yield break;
        }
        if (!handler.Template.Contains("{id", StringComparison.Ordinal))
        {
            yield return ([], string.Empty);
            yield break;
        }
        // Under /Admin the first two segments say what an id is of ("Admin/ServiceAreas").
        var section = string.Join('/', handler.Template.Split('/', StringSplitOptions.RemoveEmptyEntries).Take(2));
        foreach (var id in subjects.Own.GetValueOrDefault(section) ?? subjects.Own.GetValueOrDefault(handler.Resource) ?? [])
        {
            if (handler.Template.Contains("{step", StringComparison.Ordinal))
            {
                foreach (var step in new[] { "Reject", "Cancel" }) yield return (new() { ["id"] = S(id), ["step"] = step }, string.Empty);
            }
            else yield return (new() { ["id"] = S(id) }, string.Empty);
        }
    }
}
