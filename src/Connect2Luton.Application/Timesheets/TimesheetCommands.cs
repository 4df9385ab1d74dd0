using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Application.Common.Results;
using Connect2Luton.Application.Common.Time;
using Connect2Luton.Application.Placements.Details;
using Connect2Luton.Application.Workers;
using Connect2Luton.Domain.Common;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Domain.Timesheets;
using Connect2Luton.Domain.Workers;

namespace Connect2Luton.Application.Timesheets;

/// <summary>A week's hours as typed: each field's text by its key (<see cref="TimesheetFields.Key"/>).</summary>
/// <param name="NoHoursWorked">Whoever sends the week says no hours were worked in it: a week with none is sent only so.</param>
public sealed record TimesheetInput(IReadOnlyDictionary<string, string?> Hours, bool NoHoursWorked = false);

/// <summary>
/// Entering a placement's hours for a week and sending them for approval (by the worker, their agency or a recruiter),
/// the hiring manager's approval or query, and the adjustment that corrects an approved week.
/// </summary>
public sealed class TimesheetCommands(
    IRepository<Timesheet> timesheets,
    IReadRepository<Placement> placements,
    IReadRepository<Worker> workers,
    TimesheetPricer pricer,
    Common.ReferenceNames names,
    AwrParity parity,
    Placements.AwrPositions positions,
    Policies.IPlacementLengthPolicy lengths,
    IUnitOfWork unitOfWork,
    DataScope scope,
    ICurrentUser user,
    TimeProvider clock)
{
    /// <summary>
    /// Saves a week's hours for a placement, and sends them to the hiring manager when <paramref name="submit"/>. With
    /// no <paramref name="timesheetId"/> it starts the week's timesheet, which a week may have only one of; with one,
    /// it changes that timesheet (not yet sent, or sent back) as it stood at <paramref name="version"/>.
    /// </summary>
    public Task<CommandResult> SaveAsync(int placementId, DateOnly weekStart, int? timesheetId, int version, TimesheetInput input, bool submit, CancellationToken cancellationToken) =>
        SaveWeekAsync(placementId, weekStart, timesheetId, version, input, submit, cancellationToken);

    private async Task<CommandResult> SaveWeekAsync(int placementId, DateOnly weekStart, int? timesheetId, int version, TimesheetInput input, bool submit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var placement = await placements.FirstOrDefaultAsync(new PlacementWithRatesSpec(placementId), cancellationToken);
        if (placement is null) return CommandResult.NotFound();
        if (!scope.EntersTimesheetsFor(placement.WorkerId, placement.SupplyAgencyId)) return CommandResult.Forbidden("You cannot enter hours for this placement.");
        if (placement.Status is PlacementStatus.AwaitingSignOff or PlacementStatus.Cancelled)
            return CommandResult.Invalid(TimesheetFields.Week, "This placement has not started, so it has no hours to enter");

        if (!TimesheetWeek.IsMonday(weekStart) || !TimesheetWeek.IsReal(weekStart)) return CommandResult.Invalid(TimesheetFields.Week, "A timesheet's week starts on a Monday");
        if (weekStart > clock.Today()) return CommandResult.Invalid(TimesheetFields.Week, "A timesheet cannot be entered for a week that has not started yet");
        if (RefusalOutside(placement.StartDate, placement.EndDate, weekStart) is { } outside) return CommandResult.Invalid(TimesheetFields.Week, outside);

        var week = await timesheets.ListAsync(new TimesheetsOfWeekSpec(placementId, weekStart, forUpdate: true), cancellationToken);
        var latest = week.LastOrDefault();
        Timesheet timesheet;
        if (timesheetId is null)
        {
            if (latest is not null) return ChangedSinceOpened(latest);
            var organisation = (await names.ServiceAreasAsync(cancellationToken)).FirstOrDefault(a => a.Id == placement.ServiceAreaId)?.HiringOrganisationId
                ?? Domain.HiringOrganisations.HiringOrganisation.CouncilId;
            timesheet = Timesheet.Start(placement, weekStart, EnteredAs(), user.Name, organisation);
        }
        else
        {
            if (latest is null) return CommandResult.NotFound();
            // A correction started since, or a week sent or approved since: nothing is saved over what someone else did.
            if (latest.Id != timesheetId || !latest.CanBeChanged) return ChangedSinceOpened(latest);
            timesheet = latest;
            timesheets.ExpectVersion(timesheet, version);
        }

        var priced = await pricer.ForWeekAsync(placement, weekStart, cancellationToken, timesheet.HiringOrganisationId);
        if (priced is null) return CommandResult.Invalid(TimesheetFields.Week, "This placement's role or supplier is no longer on record, so its hours cannot be priced: ask an administrator");
        var errors = new FieldErrors();
        // Every field is checked at once: a typing slip in one does not hide a day over 24 hours in another.
        var hours = ReadHours(input, weekStart, errors);
        var worker = await workers.FirstOrDefaultAsync(new WorkerByIdSpec(placement.WorkerId), cancellationToken);
        var limits = new TimesheetLimits(placement.StartDate, placement.EndDate, clock.Today(), worker?.OptedOutOfWeeklyLimitOn(weekStart.AddDays(6)) == true, priced.AllowedTypes);
        foreach (var problem in TimesheetChecks.Problems(weekStart, hours, limits))
            errors.Add(problem switch
            {
                { Day: { } day, Type: { } type } => TimesheetFields.HoursField(day, type),
                { Day: { } day } => TimesheetFields.DayField(day),
                _ => TimesheetFields.Week,
            }, problem.Message);
        // A week sent with no hours is a nil return, which the council accepts only when whoever sends it says so;
        // a week with hours is not one. Looked at once the hours read and pass, so a typing slip is not taken for none.
        if (submit && !errors.Any && (hours.Count == 0) != input.NoHoursWorked)
            errors.Add(TimesheetFields.NoHoursWorked, hours.Count > 0
                ? "You have entered hours for this week: untick the box, or clear the hours if none were worked"
                : scope.OnlyWorker is not null
                    ? "Enter the hours you worked, or tick the box to say you worked no hours this week"
                    : "Enter the hours worked, or tick the box to say no hours were worked this week");
        // No hours is known only once the week's last day the placement runs has come: sent sooner, the rest of the
        // week would be locked as not worked before it was.
        var lastDay = weekStart.AddDays(6) < placement.EndDate ? weekStart.AddDays(6) : placement.EndDate;
        if (submit && !errors.Any && hours.Count == 0 && input.NoHoursWorked && clock.Today() < lastDay)
            errors.Add(TimesheetFields.NoHoursWorked, $"A week with no hours worked can be sent once it is over: from {TimesheetChecks.Day(lastDay)}");
        if (errors.Any) return errors.ToResult();

        var now = clock.GetUtcNow();
        timesheet.Record(hours, limits, user.Name, now);
        if (submit) timesheet.Submit(priced.Rates.Price(timesheet.HoursEntered()), Adjusted(week, timesheet), user.Name, now, noHoursWorked: hours.Count == 0);
        if (timesheetId is not null) return await SaveAsync(timesheet, cancellationToken, HoursChangedMeanwhile);
        // A week started is looked for again and saved in one transaction, which on SQLite holds the write lock from
        // the look: a second person starting the same week at the same moment (the worker, and a recruiter on their
        // behalf) finds the first one's timesheet and is told so. Elsewhere the week's unique index refuses the second
        // save. Only the look and the save are in it, so the lock is held for no longer than a save's.
        return await unitOfWork.InOneTransactionAsync(async ct =>
        {
            if (await timesheets.AnyAsync(new WeekStartedSpec(placementId, weekStart), ct)) return CommandResult.Conflict(WeekStartedMeanwhile);
            timesheets.Add(timesheet);
            return await SaveAsync(timesheet, ct, WeekStartedMeanwhile);
        }, result => result.Status == CommandStatus.Done, cancellationToken);
    }

    /// <summary>Starts the correction of an approved week: a new timesheet with the approved hours, to change and send.</summary>
    public async Task<CommandResult> AdjustAsync(int id, CancellationToken cancellationToken)
    {
        var approved = await timesheets.FirstOrDefaultAsync(new TimesheetByIdSpec(id, forUpdate: false), cancellationToken);
        if (approved is null) return CommandResult.NotFound();
        if (!scope.EntersTimesheetsFor(approved.WorkerId, approved.SupplyAgencyId)) return CommandResult.Forbidden("You cannot correct hours for this placement.");
        var week = await timesheets.ListAsync(new TimesheetsOfWeekSpec(approved.PlacementId, approved.WeekStart, forUpdate: false), cancellationToken);
        var latest = week[^1];
        if (latest.Id != approved.Id)
            return CommandResult.Conflict(latest.Status == TimesheetStatus.Approved
                ? "This week has been corrected since: adjust the latest approved timesheet"
                : "A correction to this week is already open: change that one");
        if (approved.Status != TimesheetStatus.Approved) return CommandResult.Conflict("Only an approved timesheet is corrected by an adjustment: change this one as it is");
        var placement = await placements.FirstOrDefaultAsync(new PlacementWithRatesSpec(approved.PlacementId), cancellationToken);
        if (placement is null) return CommandResult.NotFound();
        // A correction is sent as any week is, and a week the placement no longer runs in takes no hours.
        if (RefusalOutside(placement.StartDate, placement.EndDate, approved.WeekStart) is { } outside) return CommandResult.Invalid(TimesheetFields.Week, outside);

        var adjustment = Timesheet.Adjusting(placement, approved, EnteredAs(), user.Name);
        // Looked for again and saved under the write lock, as a week started is: a second press at the same moment
        // finds the first one's correction rather than tripping the week's unique index.
        return await unitOfWork.InOneTransactionAsync(async ct =>
        {
            if (await timesheets.AnyAsync(new LaterInWeekSpec(approved.PlacementId, approved.WeekStart, approved.Sequence), ct))
                return CommandResult.Conflict("A correction to this week is already open: change that one");
            timesheets.Add(adjustment);
            return await SaveAsync(adjustment, ct);
        }, result => result.Status == CommandStatus.Done, cancellationToken);
    }

    /// <summary>Sends a submitted week back to whoever entered it, with the hiring manager's reason.</summary>
    public async Task<CommandResult> QueryAsync(int id, int version, string? reason, CancellationToken cancellationToken)
    {
        var timesheet = await timesheets.FirstOrDefaultAsync(new TimesheetByIdSpec(id, forUpdate: true), cancellationToken);
        if (timesheet is null) return CommandResult.NotFound();
        if (!scope.ApprovesTimesheetsOf(timesheet.ServiceAreaId)) return CommandResult.Forbidden("Only the service's hiring managers query its timesheets.");
        if (timesheet.Status != TimesheetStatus.Submitted) return NotWaiting(timesheet);
        var errors = new FieldErrors();
        errors.Required(TimesheetFields.Reason, reason, "Enter what needs to change, so whoever entered the hours can correct them");
        errors.Text(TimesheetFields.Reason, reason, Limits.Reason, "The reason");
        if (errors.Any) return errors.ToResult();

        timesheets.ExpectVersion(timesheet, version);
        timesheet.Query(reason!.Trim(), user.Name, clock.GetUtcNow());
        return await SaveAsync(timesheet, cancellationToken);
    }

    /// <summary>Approves a submitted week, priced at the rates in force on its days as it is approved, and locks it.</summary>
    public async Task<CommandResult> ApproveAsync(int id, int version, CancellationToken cancellationToken)
    {
        var timesheet = await timesheets.FirstOrDefaultAsync(new TimesheetByIdSpec(id, forUpdate: true), cancellationToken);
        if (timesheet is null) return CommandResult.NotFound();
        if (!scope.ApprovesTimesheetsOf(timesheet.ServiceAreaId)) return CommandResult.Forbidden("Only the service's hiring managers approve its timesheets.");
        if (timesheet.Status != TimesheetStatus.Submitted) return NotWaiting(timesheet);
        var placement = await placements.FirstOrDefaultAsync(new PlacementWithRatesSpec(timesheet.PlacementId), cancellationToken);
        if (placement is null) return CommandResult.NotFound();
        var priced = await pricer.ForWeekAsync(placement, timesheet.WeekStart, cancellationToken, timesheet.HiringOrganisationId);
        if (priced is null) return CommandResult.Conflict("This placement's role or supplier is no longer on record, so its hours cannot be priced: ask an administrator");
        if (OutsideDates(timesheet, placement) is { } outside) return CommandResult.Conflict(outside);
        // A week past the AWR qualifying weeks is paid at least what the rules allow then (pay parity), or it waits.
        if (await parity.RefusalForWeekAsync(placement, timesheet.Entries.Select(e => e.Day).Distinct().ToList(), cancellationToken) is { } refusal)
            return CommandResult.Conflict($"This week cannot be approved. {refusal} A recruiter applies the AWR pay parity rate to the placement, and the week is then approved at it.");
        Timesheet? adjusted = null;
        if (timesheet.AdjustsTimesheetId is { } adjusts)
            adjusted = await timesheets.FirstOrDefaultAsync(new TimesheetByIdSpec(adjusts, forUpdate: false), cancellationToken);

        timesheets.ExpectVersion(timesheet, version);
        timesheet.Approve(priced.Rates.Price(timesheet.HoursEntered()), adjusted, user.Name, clock.GetUtcNow());
        return await SaveAsync(timesheet, cancellationToken);
    }

    /// <summary>Timesheets approved together: how many went through, and why each of the rest did not.</summary>
    public sealed record Approvals(int Approved, IReadOnlyList<LeftOut> NotApproved);

    /// <summary>
    /// Why a ticked week, or a number of them, was not approved: <paramref name="TimesheetId"/> names a week of the
    /// manager's own service (one on their list), and is none where the weeks are not theirs to learn of.
    /// </summary>
    public sealed record LeftOut(int? TimesheetId, string Why)
    {
        public override string ToString() => Why;
    }

    /// <summary>How many weeks are approved in one unit of work.</summary>
    public const int ApprovedTogether = 500;

    /// <summary>
    /// Approves many submitted weeks at once, each as it was seen (its version), each checked and priced as one
    /// approved alone is. They are read, priced and saved in groups: a week another person changed since is left out
    /// with why; a group someone changes while it saves is left as it was and said so.
    /// </summary>
    public async Task<(CommandResult Result, Approvals? Done)> ApproveManyAsync(IReadOnlyCollection<(int Id, int Version)> chosen, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chosen);
        if (!user.May(Permissions.ApproveTimesheets)) return (CommandResult.Forbidden("Only the service's hiring managers approve its timesheets."), null);
        var approved = 0;
        var notApproved = new List<LeftOut>();
        var weeks = (await lengths.LengthBandsAsync(cancellationToken)).AwrWeeks;
        foreach (var group in chosen.DistinctBy(c => c.Id).Chunk(ApprovedTogether))
        {
            // A week someone changes as the group saves refuses the whole save. The group is looked at again: the week
            // changed is then left out as changed since it was seen, and the rest go through.
            var tried = await ApproveGroupAsync(group, weeks, cancellationToken);
            for (var again = 0; tried.Conflict && again < 2; again++) tried = await ApproveGroupAsync(group, weeks, cancellationToken);
            notApproved.AddRange(tried.LeftOut);
            if (tried.Conflict)
            {
                notApproved.Add(new(null, $"Someone else changed weeks ticked as they were being approved, so {(tried.Approved == 1 ? "1 week was" : $"{tried.Approved:N0} weeks were")} not approved: look again and approve them."));
                continue;
            }
            approved += tried.Approved;
        }
        return (CommandResult.Done(approved), new Approvals(approved, notApproved));
    }

    /// <summary>One group of ticked weeks checked, priced and approved in one save: how many, which were left out and why, and whether someone changed one as it saved.</summary>
    private async Task<(int Approved, List<LeftOut> LeftOut, bool Conflict)> ApproveGroupAsync((int Id, int Version)[] group, int awrWeeks, CancellationToken cancellationToken)
    {
        var leftOut = new List<LeftOut>();
        var versions = group.ToDictionary(c => c.Id, c => c.Version);
        var sheets = await timesheets.ListAsync(new TimesheetsByIdSpec(versions.Keys), cancellationToken);
        var placementsById = (await placements.ListAsync(new PlacementsWithRatesSpec([.. sheets.Select(t => t.PlacementId).Distinct()]), cancellationToken)).ToDictionary(p => p.Id);
        var adjusted = (await timesheets.ListAsync(new AdjustedTimesheetsSpec([.. sheets.Where(t => t.AdjustsTimesheetId is not null).Select(t => t.AdjustsTimesheetId!.Value)]), cancellationToken)).ToDictionary(t => t.Id);
        var clocks = await positions.ClocksAsync([.. sheets.Select(t => t.WorkerId).Distinct()], cancellationToken);
        var now = clock.GetUtcNow();
        var inGroup = 0;
        // A week that is not there and one of another service are said alike, naming neither: which weeks exist
        // elsewhere is not the manager's to learn by ticking.
        var notTheirs = versions.Keys.Count(id => sheets.All(t => t.Id != id)) + sheets.Count(t => !scope.ApprovesTimesheetsOf(t.ServiceAreaId));
        if (notTheirs > 0) leftOut.Add(new(null, notTheirs == 1 ? "A week ticked is not one you can approve." : $"{notTheirs} weeks ticked are not ones you can approve."));
        var ownSheets = sheets.Where(t => scope.ApprovesTimesheetsOf(t.ServiceAreaId)).ToList();
        var workerNames = ownSheets.Count == 0 ? []
            : (await workers.ListAsync(new Workers.WorkerNamesSpec([.. ownSheets.Select(t => t.WorkerId).Distinct()]), cancellationToken)).ToDictionary(w => w.Id, w => w.Name);
        foreach (var timesheet in ownSheets.OrderBy(t => t.Id))
        {
            var week = $"{TimesheetChecks.Day(timesheet.WeekStart)} ({workerNames.GetValueOrDefault(timesheet.WorkerId, "a worker no longer on record")})";
            void Leave(string why) => leftOut.Add(new(timesheet.Id, $"Week of {week}: {why}"));
            if (timesheet.Version != versions[timesheet.Id]) { Leave("changed since you saw it; open it to look again."); continue; }
            if (timesheet.Status != TimesheetStatus.Submitted) { Leave(WhyNotWaiting(timesheet)); continue; }
            if (!placementsById.TryGetValue(timesheet.PlacementId, out var placement)
                || await pricer.ForWeekAsync(placement, timesheet.WeekStart, cancellationToken, timesheet.HiringOrganisationId) is not { } priced)
            {
                Leave("its placement's role or supplier is no longer on record.");
                continue;
            }
            if (OutsideDates(timesheet, placement) is { } outside)
            {
                Leave(outside);
                continue;
            }
            var dueFrom = AwrParity.DueFrom(placement, day => clocks(placement.WorkerId, placement.JobRoleId, day), awrWeeks);
            if (await parity.RefusalFromAsync(placement, dueFrom, [.. timesheet.Entries.Select(e => e.Day).Distinct()], cancellationToken) is { } refusal)
            {
                Leave(refusal);
                continue;
            }
            Timesheet? correcting = null;
            if (timesheet.AdjustsTimesheetId is { } adjusts && !adjusted.TryGetValue(adjusts, out correcting))
            {
                Leave("the hours it corrects are not there any more.");
                continue;
            }
            timesheet.Approve(priced.Rates.Price(timesheet.HoursEntered()), correcting, user.Name, now);
            inGroup++;
        }
        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        // Each group's save looks over that group alone, and a group refused leaves nothing staged for the next try.
        unitOfWork.Forget();
        return (inGroup, leftOut, saved.IsConflict);
    }

    /// <summary>Why a week has no hours to enter because the placement does not run on any of its days; null for a week it runs in.</summary>
    public static string? RefusalOutside(DateOnly placementStart, DateOnly placementEnd, DateOnly weekStart) =>
        weekStart.AddDays(6) < placementStart || weekStart > placementEnd
            ? $"The placement runs from {TimesheetChecks.Day(placementStart)} to {TimesheetChecks.Day(placementEnd)}: it has no hours in the week of {TimesheetChecks.Day(weekStart)}"
            : null;

    /// <summary>
    /// Hours on days the placement no longer runs (it ended early, or was cut short, after they were sent): never
    /// approved; the manager queries them back.
    /// </summary>
    private static string? OutsideDates(Timesheet timesheet, Placement placement) =>
        timesheet.Entries.Where(e => e.Day < placement.StartDate || e.Day > placement.EndDate).Select(e => (DateOnly?)e.Day).Min() is { } day
            ? $"It has hours on {TimesheetChecks.Day(day)}, but the placement now runs from {TimesheetChecks.Day(placement.StartDate)} to {TimesheetChecks.Day(placement.EndDate)}: query it, so the hours are corrected."
            : null;

    private static CommandResult NotWaiting(Timesheet timesheet) => CommandResult.Conflict(WhyNotWaiting(timesheet));

    private static string WhyNotWaiting(Timesheet timesheet) => timesheet.Status switch
    {
        TimesheetStatus.Approved => "This timesheet has already been approved",
        TimesheetStatus.Queried => "This timesheet has already been queried: it is back with whoever entered it",
        _ => "This timesheet has not been sent for approval yet",
    };

    private TimesheetEnteredAs EnteredAs() =>
        scope.OnlyWorker is not null ? TimesheetEnteredAs.Worker : scope.OnlySupplyAgency is not null ? TimesheetEnteredAs.Agency : TimesheetEnteredAs.Recruiter;

    private static Timesheet? Adjusted(List<Timesheet> week, Timesheet timesheet) =>
        timesheet.AdjustsTimesheetId is { } adjusts ? week.First(t => t.Id == adjusts) : null;

    /// <summary>The hours typed for the week's days; keys naming no day and kind of hours are ignored, as is anything outside the week.</summary>
    private static List<TimesheetHours> ReadHours(TimesheetInput input, DateOnly weekStart, FieldErrors errors)
    {
        var hours = new List<TimesheetHours>();
        foreach (var (key, text) in input.Hours)
        {
            if (TimesheetFields.Parse(key) is not { } field || field.Day < weekStart || field.Day > weekStart.AddDays(6)) continue;
            if (hours.Any(h => h.Day == field.Day && h.Type == field.Type))
            {
                errors.Add(TimesheetFields.HoursField(field.Day, field.Type), "Enter each day's hours of each kind once");
                continue;
            }
            var (value, problem) = HoursText.Read(text);
            if (problem is not null) errors.Add(TimesheetFields.HoursField(field.Day, field.Type), problem);
            else if (value != 0) hours.Add(new TimesheetHours(field.Day, field.Type, value));
        }
        return hours;
    }

    // Said when a week's hours are not saved because someone else acted on the week after the page was opened: the
    // page then shows the week as it is now saved, to look at before acting again.
    private const string HoursChangedMeanwhile =
        "Someone else changed this week's hours after you opened the page, so the hours you entered have not been saved. "
        + "The week now shows the hours as they were saved: check them, change them if they need it, and save or send them again.";

    private const string WeekStartedMeanwhile =
        "Someone else entered hours for this week after you opened the page, so the hours you entered have not been saved. "
        + "The week now shows the hours as they were saved: check them, change them if they need it, and save or send them again.";

    private static CommandResult ChangedSinceOpened(Timesheet latest) => CommandResult.Conflict(latest.Status switch
    {
        TimesheetStatus.Approved => "This week's hours were approved after you opened the page, so the hours you entered have not been saved. "
            + "The week now shows the hours approved: if they are wrong, correct them.",
        TimesheetStatus.Submitted => "Someone else sent this week's hours for approval after you opened the page, so the hours you entered have not been saved. "
            + "The week now shows the hours sent: if they are wrong, ask the hiring manager to query them.",
        _ => latest.Sequence == 0 ? WeekStartedMeanwhile : HoursChangedMeanwhile,
    });

    /// <param name="conflict">What to say if someone else saved the timesheet first; the unit of work's words when not given.</param>
    private async Task<CommandResult> SaveAsync(Timesheet timesheet, CancellationToken cancellationToken, string? conflict = null)
    {
        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        return saved.IsConflict ? CommandResult.Conflict(conflict ?? saved.Conflict!) : CommandResult.Done(timesheet.Id);
    }
}
