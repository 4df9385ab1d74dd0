using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Connect2Luton.Load;

/// <summary>A live placement in the demo hiring manager's service whose worker the load gave a sign-in, to send its weeks' hours.</summary>
internal sealed record WorkerPlacement(int Placement, int Worker, string Email, DateOnly Start, DateOnly End);

/// <summary>
/// The week each signed-in worker is sending: this week's hours first, then each earlier week's, back to the
/// placement's start (a worker catching up). Recruiters enter the same weeks on the workers' behalf, so the two
/// collide: one starts the week, the other is told someone else did.
/// </summary>
internal sealed class WorkerWeeks(IReadOnlyList<WorkerPlacement> placements)
{
    private static readonly DateOnly ThisWeek = MondayOf(DateOnly.FromDateTime(DateTime.Today));
    private readonly ConcurrentDictionary<int, DateOnly> _on = new(placements.Select(p => KeyValuePair.Create(p.Placement, ThisWeek)));

    public IReadOnlyList<WorkerPlacement> Placements => placements;

    /// <summary>The week the placement's worker is on; none once they are back before the placement started.</summary>
    public DateOnly? On(WorkerPlacement placement)
    {
        var week = _on.GetValueOrDefault(placement.Placement, ThisWeek);
        return week.AddDays(6) < placement.Start ? null : week;
    }

    /// <summary>A week that has been sent (or was found sent): the worker goes on to the one before it.</summary>
    public void Done(WorkerPlacement placement, DateOnly week) =>
        _on.AddOrUpdate(placement.Placement, week.AddDays(-7), (_, now) => now < week ? now : week.AddDays(-7));

    /// <summary>A week between the one the worker is on and this one, to read.</summary>
    public DateOnly Recent(WorkerPlacement placement, Random random)
    {
        var back = (ThisWeek.DayNumber - (On(placement) ?? ThisWeek).DayNumber) / 7;
        return ThisWeek.AddDays(-7 * random.Next(back + 1));
    }

    public static DateOnly MondayOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    public static string Text(DateOnly week) => week.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>
/// Timesheets in the load: workers signed in on their own sending their weeks' hours (some saved first and sent at
/// the next go), recruiters entering the same weeks on their behalf, and the demo service's hiring managers approving
/// weeks one at a time from a week's page or ticked together on the list.
/// </summary>
internal sealed partial class Workload
{
    /// <summary>The placement whose hours this client, a worker, sends.</summary>
    public WorkerPlacement? Own { get; init; }

    /// <summary>A week saved and not yet sent by this worker: sent at their next go.</summary>
    private DateOnly? _saved;

    private static readonly decimal[] DayHours = [7m, 7.25m, 7.5m, 8m];

    /// <summary>A worker: now and then sending a week's hours, otherwise looking at their timesheets and weeks on their phone.</summary>
    private async Task WorkerStepAsync()
    {
        var roll = random.Next(100);
        if (roll < 15 && Own is { } own && (_saved ?? shared.Weeks.On(own)) is { } week)
            await EnterHoursAsync(own, week, $"/Me/Timesheets/{own.Placement}/{WorkerWeeks.Text(week)}", "send own hours", saveFirst: _saved is null && random.Next(4) == 0, Whole);
        else if (roll < 70 || Own is null) await session.TryGetAsync("/Me", "read own timesheets", Whole);
        else await session.TryGetAsync($"/Me/Timesheets/{Own.Placement}/{WorkerWeeks.Text(shared.Weeks.Recent(Own, random))}", "read own week", Whole);
    }

    /// <summary>A recruiter entering the week a worker is on, on their behalf (so the two may start it at once), saved or sent.</summary>
    private async Task EnterHoursForWorkerAsync(CancellationToken stop)
    {
        var placement = Pick(shared.Weeks.Placements);
        if (shared.Weeks.On(placement) is not { } week) return;
        await EnterHoursAsync(placement, week, $"/Timesheets/{placement.Placement}/{WorkerWeeks.Text(week)}", "enter hours for worker", saveFirst: random.Next(2) == 0, stop);
    }

    /// <summary>
    /// Opens the week's form, types each weekday's hours (to the quarter hour) and sends them, or saves them to send at
    /// the next go. A week without the form has been sent (by the worker or on their behalf) or approved: the worker
    /// goes on to the week before. Refused because someone else started or sent the week first is a conflict, not an error.
    /// </summary>
    private async Task EnterHoursAsync(WorkerPlacement placement, DateOnly week, string path, string operation, bool saveFirst, CancellationToken stop)
    {
        var worker = Own is not null;
        if (await session.TryGetAsync(path, operation, stop) is not { } page) return;
        if (page.QuerySelector("form#hours") is null)
        {
            if (worker) _saved = null;
            shared.Weeks.Done(placement, week);
            return;
        }
        var fields = Session.Form(page, "form#hours");
        var hours = new Dictionary<DateOnly, decimal>();
        foreach (var name in fields.Keys.Where(k => k.StartsWith("Input.Hours[", StringComparison.Ordinal)).ToList())
        {
            fields[name] = string.Empty;
            if (!name.EndsWith("-Standard]", StringComparison.Ordinal)) continue;
            var day = DateOnly.ParseExact(name["Input.Hours[".Length..("Input.Hours[".Length + 10)], "yyyy-MM-dd", CultureInfo.InvariantCulture);
            if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) continue;
            hours[day] = DayHours[random.Next(DayHours.Length)];
            fields[name] = hours[day].ToString("0.##", CultureInfo.InvariantCulture);
        }
        if (hours.Count == 0)
        {
            // No weekday of the placement in the week: nothing to send.
            shared.Weeks.Done(placement, week);
            return;
        }
        var send = !saveFirst;
        using var response = await session.PostAsync($"{path}?handler={(send ? "Submit" : "Save")}", fields, operation, stop);
        if (session.LastLost)
            ledger.InDoubtWeeks.GetOrAdd((placement.Placement, week), _ => new()).Enqueue(new EnteredHours(worker ? $"worker {placement.Worker}" : $"recruiter client {client}", hours, send));
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            ledger.Entered(placement.Placement, week, new EnteredHours(worker ? $"worker {placement.Worker}" : $"recruiter client {client}", hours, send));
            if (worker) _saved = send ? null : week;
            if (send) shared.Weeks.Done(placement, week);
            return;
        }
        var text = response.StatusCode == HttpStatusCode.OK ? (await Session.ParseAsync(response, stop)).QuerySelector(".govuk-error-summary")?.TextContent : null;
        if (text is not null && EnteredFirst.IsMatch(text)) ledger.TimesheetConflict();
        else if ((int)response.StatusCode < 500) tally.Error($"{operation} {path} was refused ({(int)response.StatusCode}): {text?.Trim() ?? await Summary(response, stop)}");
    }

    /// <summary>What the week's page says when someone else started, changed or sent the week since it was opened.</summary>
    private static readonly Regex EnteredFirst = new("Someone else|since you opened it|after you opened the page|already has a timesheet|has been approved|has been sent|has already been sent", RegexOptions.CultureInvariant);

    /// <summary>What a manager is told when a week they chose was approved, queried or changed by a colleague first, or the rules refuse it.</summary>
    private static readonly Regex NotApprovable = new("already been approved|already been queried|Someone else|changed since you|cannot be approved|has changed since", RegexOptions.CultureInvariant);

    /// <summary>What says the rules refuse a week: pay parity due and not paid, or hours outside the placement's dates now.</summary>
    private static readonly Regex ByRules = new("cannot be approved|refused by the pay-rate rules|but the placement now runs", RegexOptions.CultureInvariant);

    /// <summary>The hiring manager opens the weeks waiting for them, one of them, and approves it; the page it goes back to shows the approved lines.</summary>
    private async Task ApproveWeekAsync(CancellationToken stop)
    {
        if (await session.TryGetAsync("/Timesheets", "approve timesheet", stop) is not { } list) return;
        var waiting = Waiting(list);
        if (waiting.Count == 0) return;
        var path = Pick(waiting).Path;
        if (await session.TryGetAsync(path, "approve timesheet", stop) is not { } page) return;
        if (page.QuerySelector("form#approve") is null)
        {
            // Approved by a colleague since the list was read.
            ledger.ApprovalRefused();
            return;
        }
        var fields = Session.Form(page, "form#approve");
        var id = int.Parse(fields["TimesheetId"], CultureInfo.InvariantCulture);
        using var response = await session.PostAsync($"{path}?handler=Approve", fields, "approve timesheet", stop);
        if (session.LastLost) ledger.InDoubtApprovals.TryAdd(id, 0);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            var text = response.StatusCode == HttpStatusCode.OK ? (await Session.ParseAsync(response, stop)).QuerySelector(".govuk-error-summary")?.TextContent : null;
            if (text is not null && NotApprovable.IsMatch(text)) ledger.ApprovalRefused(1, byRules: ByRules.IsMatch(text) ? 1 : 0);
            else if ((int)response.StatusCode < 500) tally.Error($"approving {path} was refused ({(int)response.StatusCode}): {text?.Trim() ?? await Summary(response, stop)}");
            return;
        }
        var (placement, week) = PlacementWeek(path);
        // As a browser does, the manager is taken back to the week, now approved: what it shows is what they approved.
        var approved = await session.TryGetAsync(response.Headers.Location!.OriginalString, "approve timesheet", stop) ?? page;
        var lines = approved.QuerySelectorAll("#lines tbody tr").Select(row => row.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList())
            .Select(cells => (Hours: Number(cells[2]), Pay: Number(cells[4]), Charge: Number(cells[^1]))).ToList();
        Approved(id, new ApprovedWeek(placement, week, "alone", Number(approved.QuerySelector("#total-hours")?.TextContent),
            Number(approved.QuerySelector("#total-charge")?.TextContent), Number(approved.QuerySelector("#total-pay")?.TextContent), approved == page ? null : lines));
    }

    /// <summary>
    /// The hiring manager ticks some of the weeks waiting on the list and approves them together. The list they are
    /// taken back to says how many were approved and names each that was not, and why.
    /// </summary>
    private async Task ApproveTickedWeeksAsync(CancellationToken stop)
    {
        if (await session.TryGetAsync("/Timesheets", "approve ticked timesheets", stop) is not { } list) return;
        var waiting = Waiting(list);
        if (waiting.Count == 0) return;
        var ticked = waiting.OrderBy(_ => random.Next()).Take(random.Next(2, 9)).ToList();
        var fields = Session.Form(list, "form#approve-many").Where(f => f.Key != "approve").Concat(ticked.Select(t => KeyValuePair.Create("approve", t.Box))).ToList();
        using var response = await session.PostAsync("/Timesheets?handler=Approve", fields, "approve ticked timesheets", stop);
        if (session.LastLost) foreach (var lost in ticked) ledger.InDoubtApprovals.TryAdd(lost.Id, 0);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            if ((int)response.StatusCode < 500) tally.Error($"approving {ticked.Count} ticked weeks was refused ({(int)response.StatusCode}): {await Summary(response, stop)}");
            return;
        }
        if (await session.TryGetAsync("/Timesheets", "approve ticked timesheets", stop) is not { } after)
        {
            // Approved, but which of them the list would have said is lost with the node that was to say it.
            if (session.LastLost) foreach (var lost in ticked) ledger.InDoubtApprovals.TryAdd(lost.Id, 0);
            else tally.Error($"approved {ticked.Count} ticked weeks but could not read what was approved");
            return;
        }
        var notApprovedLines = after.QuerySelectorAll("#not-approved li").ToList();
        var notApproved = notApprovedLines.Select(l => l.TextContent.Trim()).ToList();
        var said = after.QuerySelector("#done")?.TextContent is { } done && ApprovedCount.Match(done) is { Success: true } m ? int.Parse(m.Groups[1].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture) : 0;
        // A group changed by someone else as it was saved is left whole, and said so without naming its weeks.
        var left = notApproved.Any(l => l.Contains("as they were being approved", StringComparison.Ordinal))
            ? ticked.Select(t => t.Id).ToHashSet()
            : notApprovedLines.Select(l => l.GetAttribute("data-timesheet")).OfType<string>().Select(id => int.Parse(id, CultureInfo.InvariantCulture)).ToHashSet();
        var approved = ticked.Where(t => !left.Contains(t.Id)).ToList();
        if (approved.Count != said || notApproved.Count > left.Count && !notApproved.Any(l => l.Contains("as they were being approved", StringComparison.Ordinal)))
            tally.Error($"approving ticked weeks {string.Join(", ", ticked.Select(t => t.Id))}: the list said {said} approved and named {string.Join(" / ", notApproved)}");
        ledger.ApprovalRefused(ticked.Count - approved.Count, notApproved.Count(l => ByRules.IsMatch(l)));
        foreach (var week in approved) Approved(week.Id, new ApprovedWeek(week.Placement, week.Week, "ticked", week.Hours, week.Charge));
    }

    private void Approved(int id, ApprovedWeek week)
    {
        if (!ledger.Approved(id, week)) tally.Error($"timesheet {id} was reported approved twice ({ledger.ApprovedTimesheets[id].How}, then {week.How})");
    }

    private static readonly Regex ApprovedCount = new(@"Approved ([0-9,]+) timesheet", RegexOptions.CultureInvariant);

    /// <summary>The weeks waiting on the list, each with its box's value ("id:version"), its week's page and the hours and charge shown.</summary>
    private static List<(int Id, string Box, string Path, int Placement, DateOnly Week, decimal Hours, decimal Charge)> Waiting(IDocument list) =>
        list.QuerySelectorAll("#timesheets tbody tr")
            .Select(row => (Box: row.QuerySelector<IHtmlInputElement>("input[name=approve]")?.Value, Path: row.QuerySelector("a[href^='/Timesheets/']")?.GetAttribute("href"), Cells: row.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList()))
            .Where(r => r.Box is not null && r.Path is not null)
            .Select(r =>
            {
                var (placement, week) = PlacementWeek(r.Path!);
                return (int.Parse(r.Box!.Split(':')[0], CultureInfo.InvariantCulture), r.Box!, r.Path!, placement, week, Number(r.Cells[4]), Number(r.Cells[5]));
            })
            .ToList();

    /// <summary>"/Timesheets/12/2026-11-16": placement 12's week of 16 November.</summary>
    private static (int Placement, DateOnly Week) PlacementWeek(string path)
    {
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return (int.Parse(parts[^2], CultureInfo.InvariantCulture), DateOnly.ParseExact(parts[^1], "yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    /// <summary>Hours or pounds as a page shows them ("37.5", "£1,590.80", "-£12.00"): 0 for none.</summary>
    private static decimal Number(string? text)
    {
        var digits = new string((text ?? string.Empty).Where(c => char.IsDigit(c) || c is '.' or '-').ToArray());
        return digits.Length == 0 ? 0 : decimal.Parse(digits, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
    }
}
