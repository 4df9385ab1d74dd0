using System.Globalization;
using System.Net;
using AngleSharp.Dom;

namespace Connect2Luton.Load;

/// <summary>Records every client edits at once, so edits collide on their version and must be refused, never lost.</summary>
internal sealed record SharedRecords(IReadOnlyList<int> Requisitions, IReadOnlyList<int> Workers, int SocialWorkerRole, string Agency)
{
    /// <summary>Vacancies released to both demo agencies, each with its role's job family: the two put the same people forward for them.</summary>
    public IReadOnlyList<(int Id, string Family)> Vacancies { get; init; } = [];

    /// <summary>The placements whose workers the load gave a sign-in, and the week each is on.</summary>
    public WorkerWeeks Weeks { get; init; } = new([]);
}

/// <summary>
/// What each kind of user does in a loop until the time is up: mostly reading lists and records, and among them
/// raising requisitions, adding workers and editing the shared records, sending weeks' hours and approving them.
/// </summary>
internal sealed partial class Workload(Session session, string run, int client, SharedRecords shared, Ledger ledger, Tally tally, Random random)
{
    private int _step;

    // Time running out stops the loop between requests, never one in flight: a save cut off halfway would leave
    // the database holding something the ledger was never told about.
    private static CancellationToken Whole => CancellationToken.None;

    /// <summary>The client's role's steps, one after another, until the time is up (the closed loop).</summary>
    public async Task RunAsync(string role, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested) await StepAsync(role);
    }

    /// <summary>One thing a user in the role does: a page read, or a save with the form it is made on.</summary>
    public Task StepAsync(string role) => role switch
    {
        "manager" => ManagerStepAsync(),
        "recruiter" => RecruiterStepAsync(),
        "agency" or "agency2" => AgencyStepAsync(),
        "worker" => WorkerStepAsync(),
        _ => ReadAsync(Pick(["/", "/Jobs", "/Reports", "/Rules", "/Placements?show=All"]), Whole),
    };

    private async Task ManagerStepAsync()
    {
        var roll = random.Next(100);
        if (roll < 12) await RaiseRequisitionAsync(Whole);
        else if (roll < 24) await EditRequisitionAsync(Whole);
        else if (roll < 32) await ApproveWeekAsync(Whole);
        else if (roll < 36) await ApproveTickedWeeksAsync(Whole);
        else await ReadAsync(random.Next(4) switch
        {
            0 => "/",
            1 => "/Requisitions",
            2 => $"/Requisitions/{Pick(shared.Requisitions)}",
            _ => "/Reports",
        }, Whole);
    }

    private async Task RecruiterStepAsync()
    {
        var roll = random.Next(100);
        if (roll < 12) await AddWorkerAsync(Whole);
        else if (roll < 22) await EditWorkerAsync(Whole);
        else if (roll < 26 && shared.Weeks.Placements.Count > 0) await EnterHoursForWorkerAsync(Whole);
        else await ReadAsync(random.Next(6) switch
        {
            0 => "/",
            1 => "/Workers",
            2 => "/Workers?name=" + Pick(["smith", "khan", "ali", "jones", "patel"]),
            3 => "/Placements",
            4 => "/Requisitions?status=Open",
            _ => $"/Workers/{Pick(shared.Workers)}",
        }, Whole);
    }

    /// <summary>
    /// Agency staff: reading their vacancies and what they put forward, and adding candidates and putting them
    /// forward. The people are a small pool both agencies keep their own records of (same name, date of birth and
    /// phone, another email), each put forward for one vacancy, so the two agencies' staff keep trying to put the same
    /// person forward for the same role: one may, the rest are told the person is already put forward.
    /// </summary>
    private async Task AgencyStepAsync()
    {
        var roll = random.Next(100);
        if (roll < 20 && shared.Vacancies.Count > 0) await PutForwardAsync(Whole);
        else await ReadAsync(Pick(["/Agency", "/Agency/Submissions", "/Agency/Candidates", $"/Agency/Vacancies/{Pick(shared.Vacancies).Id}"]), Whole);
    }

    public const int ContestedPeople = 40;

    private async Task PutForwardAsync(CancellationToken stop)
    {
        var person = random.Next(ContestedPeople);
        var (vacancy, family) = shared.Vacancies[person % shared.Vacancies.Count];
        if (await session.TryGetAsync("/Agency/Candidates/New", "add agency candidate", stop) is not { } page) return;
        var fields = Session.Form(page, "main form[method=post]");
        var today = DateOnly.FromDateTime(DateTime.Today);
        fields["Input.FirstName"] = "Contested";
        fields["Input.LastName"] = $"Person {run} {person}";
        fields["Input.Email"] = $"load-{run}-{client}-{++_step}@agency.example";
        fields["Input.Phone"] = "07700 8" + person.ToString("00000", CultureInfo.InvariantCulture);
        fields["Input.Postcode"] = "LU2 7AB";
        SetDate(fields, "Input.DateOfBirth", new DateOnly(1980, 1, 1).AddDays(person));
        fields["Input.JobFamily"] = family;
        SetDate(fields, "Input.RightToWorkCheckedOn", today.AddDays(-30));
        SetDate(fields, "Input.DbsIssuedOn", today.AddDays(-60));
        // The highest level, which every role's DBS check is met by (social care roles need the barred lists).
        fields["Input.DbsLevel"] = "EnhancedWithBarredLists";
        fields["Input.DbsCertificateNumber"] = "001234567890";
        using var added = await session.PostAsync("/Agency/Candidates/New", fields, "add agency candidate", stop);
        if (session.LastLost) ledger.InDoubtWorkers.TryAdd(fields["Input.Email"], 0);
        if (await SavedIdAsync(added, "/Agency/Candidates/", "adding an agency candidate", stop) is not { } candidate) return;
        if (!ledger.AddedWorkers.TryAdd(candidate, fields["Input.Email"])) tally.Error($"Candidate {candidate} was reported saved twice");

        if (await session.TryGetAsync($"/Agency/Vacancies/{vacancy}", "put candidate forward", stop) is not { } form) return;
        var put = Session.Form(form, "#put-forward");
        put["Input.WorkerId"] = candidate.ToString(CultureInfo.InvariantCulture);
        using var response = await session.PostAsync($"/Agency/Vacancies/{vacancy}", put, "put candidate forward", stop);
        if (session.LastLost) ledger.InDoubtPutForward.TryAdd((vacancy, candidate), 0);
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            ledger.PutForward(vacancy, person, candidate);
            return;
        }
        var text = response.StatusCode == HttpStatusCode.OK ? (await Session.ParseAsync(response, stop)).QuerySelector("#Input_WorkerId-error")?.TextContent : null;
        if (text?.Contains("already put forward for this role", StringComparison.Ordinal) == true) ledger.Refused();
        else if ((int)response.StatusCode < 500) tally.Error($"putting candidate {candidate} forward for {vacancy} was refused ({(int)response.StatusCode}): {text ?? await Summary(response, stop)}");
    }

    private async Task ReadAsync(string path, CancellationToken stop) => await session.TryGetAsync(path, "read " + Area(path), stop);

    /// <summary>
    /// The steady writer run.sh measures pages beside: about a save a second, taking turns (a worker's phone number
    /// changed by a recruiter; a booking, which is a requisition raised, submitted, approved, opened, a worker
    /// shortlisted and booked; a worker added; a conversion prompt snoozed; a week on the hiring manager's queue
    /// approved), so the cached answers that read workers, requisitions, placements, prompts or timesheets are worked
    /// out again as in real use.
    /// </summary>
    public static async Task WriteSteadilyAsync(Workload recruiter, Workload manager, Workload admin, Tally tally, TextWriter log, CancellationToken stop)
    {
        ArgumentNullException.ThrowIfNull(tally);
        ArgumentNullException.ThrowIfNull(recruiter);
        ArgumentNullException.ThrowIfNull(manager);
        ArgumentNullException.ThrowIfNull(admin);
        ArgumentNullException.ThrowIfNull(log);
        for (var tick = 0; !stop.IsCancellationRequested; tick++)
        {
            var started = DateTime.UtcNow;
            var errors = tally.ErrorCount;
            await ((tick % 5) switch
            {
                0 => recruiter.EditWorkerAsync(Whole),
                1 => recruiter.BookAsync(manager, admin, Whole),
                2 => recruiter.AddWorkerAsync(Whole),
                3 => recruiter.SnoozePromptAsync(Whole),
                _ => manager.ApproveTimesheetAsync(Whole),
            });
            // A save that failed says why instead of being counted as made.
            foreach (var error in tally.ErrorsAfter(errors)) await log.WriteLineAsync("failed: " + error);
            if (tally.ErrorCount == errors) await log.WriteLineAsync((tick % 5) switch { 0 => "edited a worker", 1 => "booked a placement (a requisition raised, approved and opened, a worker shortlisted and booked)", 2 => "added a worker", 3 => "snoozed a conversion prompt", _ => "approved a timesheet" });
            var rest = TimeSpan.FromSeconds(1) - (DateTime.UtcNow - started);
            if (rest > TimeSpan.Zero) await Task.Delay(rest, stop).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    /// <summary>"/Workers?name=ali" reads "workers", "/Workers/12" "workers record", "/" "dashboard".</summary>
    private static string Area(string path) => path.Split('?')[0].Split('/', StringSplitOptions.RemoveEmptyEntries) switch
    {
        [] => "dashboard",
        [var list] => list.ToLowerInvariant(),
        [var list, ..] => list.ToLowerInvariant() + " record",
    };

    private async Task<int?> RaiseRequisitionAsync(CancellationToken stop)
    {
        if (await session.TryGetAsync("/Requisitions/New", "raise requisition", stop) is not { } page) return null;
        var fields = Session.Form(page, "main form[method=post]");
        var title = $"Load {run} {client}-{++_step}";
        var start = DateOnly.FromDateTime(DateTime.Today).AddDays(random.Next(14, 60));
        fields["Input.JobRoleId"] = shared.SocialWorkerRole.ToString(CultureInfo.InvariantCulture);
        fields["Input.Title"] = title;
        fields["Input.Reason"] = "VacancyCover";
        fields["Input.Description"] = "Raised by the load test.";
        SetDate(fields, "Input.StartDate", start);
        SetDate(fields, "Input.EndDate", start.AddDays(7 * random.Next(4, 26)));
        fields["Input.WeeklyHours"] = "37";
        fields["Input.MaximumPayRate"] = "36.50";
        fields["Input.Positions"] = "1";
        using var response = await session.PostAsync("/Requisitions/New", fields, "raise requisition", stop);
        if (session.LastLost) ledger.InDoubtRequisitions.TryAdd(title, 0);
        var id = await SavedIdAsync(response, "/Requisitions/", "raising a requisition", stop);
        if (id is { } saved && !ledger.RaisedRequisitions.TryAdd(saved, title)) tally.Error($"Requisition {saved} was reported saved twice");
        return id;
    }

    /// <summary>
    /// A booking as it is made: the hiring manager raises a requisition and submits it, an admin approves it and
    /// opens it for recruitment, and a recruiter shortlists the first candidate whose checks are in order and who is
    /// free for the dates, and books them at a rate under the cap.
    /// </summary>
    private async Task<bool> BookAsync(Workload manager, Workload admin, CancellationToken stop)
    {
        if (await manager.RaiseRequisitionAsync(stop) is not { } id) return false;
        if (!await manager.ActAsync(id, "Submit for approval", stop) || !await admin.ActAsync(id, "Approve", stop) || !await admin.ActAsync(id, "Open for recruitment", stop)) return false;

        // The first candidate whose checks are in order and who is free for the dates, on the first pages (the best
        // ranked are booked by earlier turns, and some are registered with another body than the role needs).
        var shortlist = $"/Requisitions/{id}/Shortlist";
        AngleSharp.Dom.IElement? free = null;
        for (var number = 1; number <= 8 && free is null; number++)
        {
            if (await session.TryGetAsync($"{shortlist}?page={number}", "shortlist", stop) is not { } page) return false;
            free = page.QuerySelectorAll("#candidates tbody tr")
                .FirstOrDefault(row => row.TextContent.Contains("In order", StringComparison.Ordinal) && !row.TextContent.Contains("Booked for these dates", StringComparison.Ordinal)
                    && row.QuerySelector("form[action*='handler=Add']") is not null);
        }
        if (free is null)
        {
            tally.Error($"no candidate on the first 8 pages of {shortlist} could be added");
            return false;
        }
        var add = Session.Form(free, "form[action*='handler=Add']");
        var worker = add["WorkerId"];
        using (var added = await session.PostAsync(free.QuerySelector("form")!.GetAttribute("action")!, add, "add to shortlist", stop))
        {
            if (added.StatusCode != HttpStatusCode.Redirect) return await RefusedAsync("adding to the shortlist", added, stop);
        }

        var booking = $"/Placements/New?requisition={id}&worker={worker}";
        if (await session.TryGetAsync(booking, "book placement", stop) is not { } form) return false;
        var fields = Session.Form(form, "#booking-form");
        fields["Input.PayRate"] = "33.50";
        using var booked = await session.PostAsync(booking, fields, "book placement", stop);
        return booked.StatusCode == HttpStatusCode.Redirect || await RefusedAsync("booking", booked, stop);
    }

    /// <summary>Presses one of a requisition's action buttons (submit, approve, open).</summary>
    private async Task<bool> ActAsync(int id, string button, CancellationToken stop)
    {
        if (await session.TryGetAsync($"/Requisitions/{id}", button.ToLowerInvariant(), stop) is not { } page) return false;
        var form = page.QuerySelectorAll("#actions form").FirstOrDefault(f => f.QuerySelector("button")?.TextContent.Trim() == button);
        if (form is null)
        {
            tally.Error($"requisition {id} offers no \"{button}\"");
            return false;
        }
        var fields = Session.Form(form, "form");
        using var response = await session.PostAsync(form.GetAttribute("action")!, fields, button.ToLowerInvariant(), stop);
        return response.StatusCode == HttpStatusCode.Redirect || await RefusedAsync(button.ToLowerInvariant(), response, stop);
    }

    private async Task<bool> RefusedAsync(string what, HttpResponseMessage response, CancellationToken stop)
    {
        if ((int)response.StatusCode < 500) tally.Error($"{what} was refused ({(int)response.StatusCode}): {await Summary(response, stop)}");
        return false;
    }

    private async Task AddWorkerAsync(CancellationToken stop)
    {
        if (await session.TryGetAsync("/Workers/New", "add worker", stop) is not { } page) return;
        var fields = Session.Form(page, "main form[method=post]");
        var email = $"load-{run}-{client}-{++_step}@example.org";
        var today = DateOnly.FromDateTime(DateTime.Today);
        fields["Input.FirstName"] = "Load";
        fields["Input.LastName"] = $"Tester {client}-{_step}";
        fields["Input.Email"] = email;
        fields["Input.Phone"] = "07700 9" + random.Next(10_000, 99_999).ToString(CultureInfo.InvariantCulture);
        fields["Input.Postcode"] = Pick(["LU1 3JH", "LU2 7AB", "LU3 2QP", "LU4 9EZ"]);
        fields["Input.JobFamily"] = "SocialCare";
        fields["Input.SupplyAgencyId"] = shared.Agency;
        SetDate(fields, "Input.QualifiedOn", today.AddYears(-random.Next(1, 20)));
        fields["Input.OpenToPermanentJob"] = "true";
        SetDate(fields, "Input.RightToWorkCheckedOn", today.AddDays(-random.Next(1, 300)));
        fields["Input.RegistrationBody"] = "SocialWorkEngland";
        fields["Input.RegistrationNumber"] = "SW" + random.Next(100_000, 999_999).ToString(CultureInfo.InvariantCulture);
        SetDate(fields, "Input.RegistrationExpiresOn", today.AddDays(random.Next(60, 700)));
        using var response = await session.PostAsync("/Workers/New", fields, "add worker", stop);
        if (session.LastLost) ledger.InDoubtWorkers.TryAdd(email, 0);
        if (await SavedIdAsync(response, "/Workers/", "adding a worker", stop) is { } id && !ledger.AddedWorkers.TryAdd(id, email))
            tally.Error($"Worker {id} was reported saved twice");
    }

    /// <summary>The first conversion prompt waiting on the recruiter's list, snoozed for four weeks (it leaves the list).</summary>
    private async Task SnoozePromptAsync(CancellationToken stop)
    {
        if (await session.TryGetAsync("/Conversions", "read conversions", stop) is not { } list) return;
        var link = list.QuerySelectorAll("a[href^='/Conversions/']").Select(a => a.GetAttribute("href")).FirstOrDefault(h => h?.Split('/').Length == 3);
        if (link is null || await session.TryGetAsync(link, "snooze prompt", stop) is not { } page) return;
        if (page.QuerySelector("#snooze") is null) return;
        var fields = Session.Form(page, "#snooze");
        SetDate(fields, "Input.SnoozeUntil", DateOnly.FromDateTime(DateTime.Today).AddDays(28));
        fields["Input.SnoozeNote"] = $"Snoozed by the load test, run {run}.";
        using var response = await session.PostAsync(link + "?handler=Snooze", fields, "snooze prompt", stop);
        if (response.StatusCode != HttpStatusCode.Redirect && (int)response.StatusCode < 500)
            tally.Error($"snoozing {link} was refused ({(int)response.StatusCode}): {await Summary(response, stop)}");
    }

    /// <summary>The first week waiting on the hiring manager's queue, ticked and approved (it leaves the queue).</summary>
    private async Task ApproveTimesheetAsync(CancellationToken stop)
    {
        if (await session.TryGetAsync("/Timesheets", "read timesheets", stop) is not { } list) return;
        if (list.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#approve-many input[name=approve]") is not { } box) return;
        box.IsChecked = true;
        var fields = Session.Form(list, "#approve-many");
        using var response = await session.PostAsync("/Timesheets?handler=Approve", fields, "approve timesheet", stop);
        if (session.LastLost && int.TryParse(box.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var lost)) ledger.InDoubtApprovals.TryAdd(lost, 0);
        if (response.StatusCode != HttpStatusCode.Redirect && (int)response.StatusCode < 500)
            tally.Error($"approving timesheet {box.Value} was refused ({(int)response.StatusCode}): {await Summary(response, stop)}");
    }

    private Task EditRequisitionAsync(CancellationToken stop) =>
        EditAsync("Requisitions", Pick(shared.Requisitions), "Input.Description", () => $"Edited by load client {client}, step {++_step} of run {run}.", "edit requisition", stop);

    private Task EditWorkerAsync(CancellationToken stop) =>
        EditAsync("Workers", Pick(shared.Workers), "Input.Phone", () => "07700 9" + random.Next(10_000, 99_999).ToString(CultureInfo.InvariantCulture), "edit worker", stop);

    /// <summary>Opens the record's edit form, changes one field and saves: saved, or refused because someone else saved first.</summary>
    private async Task EditAsync(string area, int id, string field, Func<string> value, string operation, CancellationToken stop)
    {
        if (await session.TryGetAsync($"/{area}/{id}/Edit", operation, stop) is not { } page) return;
        var fields = Session.Form(page, "main form[method=post]");
        var text = value();
        fields[field] = text;
        using var response = await session.PostAsync($"/{area}/{id}/Edit", fields, operation, stop);
        if (session.LastLost) ledger.InDoubtEdits.GetOrAdd($"{area} {id}", _ => []).Add(text);
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            ledger.Saved($"{area} {id}", text);
            return;
        }
        if (response.StatusCode == HttpStatusCode.OK && (await Session.ParseAsync(response, stop)).QuerySelector(".govuk-error-summary")?.TextContent is { } summary
            && summary.Contains("Someone else", StringComparison.Ordinal))
        {
            ledger.Conflict();
            return;
        }
        if ((int)response.StatusCode < 500) tally.Error($"{operation} {id} was refused ({(int)response.StatusCode}): {await Summary(response, stop)}");
    }

    /// <summary>The id a save redirected to, or null with the refusal in the tally.</summary>
    private async Task<int?> SavedIdAsync(HttpResponseMessage response, string prefix, string what, CancellationToken stop)
    {
        var location = response.Headers.Location?.OriginalString ?? string.Empty;
        if (response.StatusCode == HttpStatusCode.Redirect && location.StartsWith(prefix, StringComparison.Ordinal)
            && int.TryParse(location[prefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            return id;
        if ((int)response.StatusCode < 500) tally.Error($"{what} was refused ({(int)response.StatusCode} {location}): {await Summary(response, stop)}");
        return null;
    }

    private static async Task<string> Summary(HttpResponseMessage response, CancellationToken stop)
    {
        var page = await Session.ParseAsync(response, stop);
        return string.Join("; ", page.QuerySelectorAll(".govuk-error-summary__list li").Select(l => l.TextContent.Trim()));
    }

    private static void SetDate(Dictionary<string, string> fields, string name, DateOnly date)
    {
        fields[name + ".Day"] = date.Day.ToString(CultureInfo.InvariantCulture);
        fields[name + ".Month"] = date.Month.ToString(CultureInfo.InvariantCulture);
        fields[name + ".Year"] = date.Year.ToString(CultureInfo.InvariantCulture);
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
