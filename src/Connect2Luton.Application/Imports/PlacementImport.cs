using System.Globalization;
using Connect2Luton.Application.Common;
using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Application.Common.Specifications;
using Connect2Luton.Application.Common.Time;
using Connect2Luton.Application.HiringManagers;
using Connect2Luton.Application.Placements.Booking;
using Connect2Luton.Application.RuleSets.Values;
using Connect2Luton.Application.ServiceAreas;
using Connect2Luton.Application.SignOffs;
using Connect2Luton.Application.Workers;
using Connect2Luton.Domain.Common;
using Connect2Luton.Domain.HiringManagers;
using Connect2Luton.Domain.JobRoles;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Domain.Requisitions;
using Connect2Luton.Domain.SignOffs;
using Connect2Luton.Domain.Workers;

namespace Connect2Luton.Application.Imports;

/// <summary>The columns of a file of live placements, in the template's order.</summary>
public static class PlacementColumns
{
    public static readonly ImportColumn ExternalReference = new("External reference", true,
        "The placement's reference in the system the file comes from (up to 50 characters). A file imported again matches on it and changes nothing.", "Reference", "Placement reference");
    public static readonly ImportColumn WorkerReference = new("Worker reference", false, "The worker's external reference, as in the workers file; or leave it blank and give their email.", "Worker external reference");
    public static readonly ImportColumn WorkerEmail = new("Worker email", false, "The worker's email address, if the worker reference is blank.");
    public static readonly ImportColumn ServiceArea = new("Service area", true, "The service's code, like CSC (or its name).", "Service area code", "Service");
    public static readonly ImportColumn JobRole = new("Job role", true, "The role's title, as in Connect2Luton's job roles.", "Role");
    public static readonly ImportColumn HiringManager = new("Hiring manager", true, "The email address of the service's hiring manager who asked for the worker.", "Hiring manager email", "Manager");
    public static readonly ImportColumn StartDate = new("Start date", true, "The day the placement started (or starts).", "Start");
    public static readonly ImportColumn PlannedEndDate = new("Planned end date", true, "Today or later: a placement that has ended is not live.", "Planned end", "End date");
    public static readonly ImportColumn WeeklyHours = new("Weekly hours", true, "Contracted hours a week, like 37.", "Hours");
    public static readonly ImportColumn PayRate = new("Pay rate", true, "The worker's pay in pounds an hour, like 32.50. The pay-rate rules check it as they check a booking.", "Pay rate (£ an hour)", "Hourly rate");
    public static readonly ImportColumn Agency = new("Agency", false, "Who supplies the worker: it must be the agency the worker has in the pool.", "Supplied by", "Supply agency");
    public static readonly ImportColumn Reason = new("Requisition reason", false, $"Why the service needed the worker: {Choices.Reasons.InWords}. Blank is vacancy cover.", "Reason");
    public static readonly ImportColumn CapReason = new("Cap reason", false, "For a rate over its cap: why it is needed, for those who sign it off to read.");
    public static readonly ImportColumn CapSignedOffBy = new("Cap signed off by", false,
        "For a rate over its cap signed off before: who signed, one name for each post the rules name in the rules' order, separated by semicolons (for the DfE cap: Director of Children's Services; Chief Executive). Blank: it waits for sign-off in the app.", "Signed off by");
    public static readonly ImportColumn CapSignedOffOn = new("Cap signed off on", false, "The day it was signed off.", "Signed off on");

    public static readonly IReadOnlyList<ImportColumn> All =
    [
        ExternalReference, WorkerReference, WorkerEmail, ServiceArea, JobRole, HiringManager, StartDate, PlannedEndDate, WeeklyHours, PayRate, Agency,
        Reason, CapReason, CapSignedOffBy, CapSignedOffOn,
    ];

    /// <summary>The template's example row: the worker of the workers template, in the first service and role there are.</summary>
    public static IReadOnlyList<string> Example(DateOnly today, string? serviceCode, string? roleTitle, string? managerEmail) =>
    [
        "P-00042", "W-00123", string.Empty, serviceCode ?? "CSC", roleTitle ?? "Social Worker (Children and Families)", managerEmail ?? "manager@example.com",
        ImportText.Date(today.AddMonths(-2)), ImportText.Date(today.AddMonths(3)), "37", "32.50", string.Empty, "Vacancy cover", string.Empty, string.Empty, string.Empty,
    ];

    public static class Choices
    {
        public static readonly ImportChoices<RequisitionReason> Reasons = new();
    }
}

/// <summary>
/// A file of placements already live when the council starts with Connect2Luton. Each row is booked as a recruiter
/// books one (<see cref="BookingTerms"/>: the worker's checks, the DfE agency rules, the pay-rate and length rules on
/// the same days, with their decisions and rule versions kept), against a requisition recorded as approved and open
/// for it. A rate over its cap is booked waiting for sign-off, unless the file records the sign-off already given;
/// a rate or length the rules refuse is the row's problem. Matched by the placement's own reference: a row brought
/// in before changes nothing.
/// </summary>
public sealed class PlacementImport(
    IRepository<Placement> placements,
    IRepository<Requisition> requisitions,
    IRepository<Worker> workers,
    IReadRepository<JobRole> jobRoles,
    IReadRepository<HiringManager> managers,
    ReferenceNames names,
    BookingTerms terms,
    TimeProvider clock)
{
    private static readonly Dictionary<string, ImportColumn> ColumnOf = new(StringComparer.Ordinal)
    {
        [BookingFields.PayRate] = PlacementColumns.PayRate,
        [BookingFields.WeeklyHours] = PlacementColumns.WeeklyHours,
        [BookingFields.StartDate] = PlacementColumns.StartDate,
        [BookingFields.EndDate] = PlacementColumns.PlannedEndDate,
        [BookingFields.CapReason] = PlacementColumns.CapReason,
    };

    private sealed record Booking(
        Requisition Requisition, Worker Worker, BookingCheck Check, PlacementProposalInput Input, string Reference, string CapReason,
        IReadOnlyCollection<SignOffGivenElsewhere> SignedElsewhere);

    internal async Task<ImportPlan> PlanAsync(ImportSheet sheet, string fileName, string by, bool forUpdate, CancellationToken cancellationToken)
    {
        var today = clock.Today();
        var now = clock.GetUtcNow();
        var areas = await names.ServiceAreasAsync(cancellationToken);
        var suppliers = await names.SupplyAgenciesAsync(cancellationToken);
        var roles = await jobRoles.ListAsync(new JobRolesToImportOverSpec(), cancellationToken);
        var activeManagers = await managers.ListAsync(new HiringManagersSpec(), cancellationToken);
        var brought = (await placements.ListAsync(new PlacementsBroughtInSpec(), cancellationToken)).ToDictionary(p => p.ExternalReference, StringComparer.OrdinalIgnoreCase);
        var pool = await workers.ListAsync(new WorkerKeysSpec(), cancellationToken);
        var byReference = pool.Where(w => w.ExternalReference is not null).ToDictionary(w => w.ExternalReference!, StringComparer.OrdinalIgnoreCase);
        var byEmail = pool.GroupBy(w => w.Email, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);

        // The workers the file places, read whole once (for update when confirming: each booking claims its worker).
        var named = sheet.Rows.Select(r => Find(r.Text(PlacementColumns.WorkerReference), r.Text(PlacementColumns.WorkerEmail), byReference, byEmail)?.Id).OfType<int>().Distinct().ToList();
        var people = new Dictionary<int, Worker>();
        foreach (var batch in named.Chunk(500))
            foreach (var worker in await workers.ListAsync(new WorkersToImportOverSpec(batch, forUpdate), cancellationToken)) people[worker.Id] = worker;
        var histories = new Dictionary<int, List<WorkerPlacementRow>>();

        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var rows = new List<ImportRowView>();
        var bookings = new List<Booking>();
        foreach (var row in sheet.Rows)
        {
            var reference = row.Text(PlacementColumns.ExternalReference);
            if (reference is null) row.Problem(PlacementColumns.ExternalReference, "Enter the placement's reference from the system the file comes from");
            else if (reference.Length > Limits.Reference) row.Problem(PlacementColumns.ExternalReference, $"The reference must be {Limits.Reference} characters or fewer");
            else if (seen.TryGetValue(reference, out var first)) row.Problem(PlacementColumns.ExternalReference, $"Row {first} has the same reference: each placement is on one row");
            else seen[reference] = row.Number;

            var (workerColumn, key) = WorkerOf(row, byReference, byEmail);
            var worker = key is null ? null : people.GetValueOrDefault(key.Id);
            var area = AreaOf(row, areas);
            var role = RoleOf(row, roles);
            if (area is not null && role is not null && !area.Recruits(role.Id))
                row.Problem(PlacementColumns.JobRole, $"{area.Name} does not recruit for the role {role.Title}: enter one of the roles it recruits for");
            var manager = ManagerOf(row, activeManagers, area, areas);
            var start = row.Date(PlacementColumns.StartDate);
            var end = row.Date(PlacementColumns.PlannedEndDate);
            var hours = row.Amount(PlacementColumns.WeeklyHours, "37");
            // Hours are kept to the quarter-hour's two places (as the booking form keeps them): more would be rounded away
            // by the database, and the same file again would then look changed.
            if (hours is { } typed && decimal.Round(typed, 2) != typed)
            {
                row.Problem(PlacementColumns.WeeklyHours, "Enter the weekly hours to 2 decimal places at most, like 37.5");
                hours = null;
            }
            var pay = row.Amount(PlacementColumns.PayRate, "32.50");
            var supplier = worker is null ? null : suppliers.First(s => s.Id == worker.SupplyAgencyId);
            if (row.Text(PlacementColumns.Agency) is { } agency && supplier is not null && !string.Equals(agency, supplier.Name.Trim(), StringComparison.OrdinalIgnoreCase))
                row.Problem(PlacementColumns.Agency, $"{Name(worker!)} is supplied by {supplier.Name} in the pool: a placement is booked through the worker's own agency");
            if (worker is { IsActive: false }) row.Problem(workerColumn, $"{Name(worker)} is not in the active pool (converted to a permanent post, or taken out of it), so cannot be placed");
            var reason = row.Choice(PlacementColumns.Reason, PlacementColumns.Choices.Reasons) ?? RequisitionReason.VacancyCover;
            var subject = $"{reference ?? "No reference"}: {(worker is null ? row.Text(PlacementColumns.WorkerReference) ?? row.Text(PlacementColumns.WorkerEmail) ?? "no worker" : Name(worker))}, " +
                $"{role?.Title ?? row.Text(PlacementColumns.JobRole) ?? "no role"} in {area?.Code ?? row.Text(PlacementColumns.ServiceArea) ?? "no service"}";

            if (reference is not null && brought.TryGetValue(reference, out var before) && !row.HasProblemAt(PlacementColumns.ExternalReference))
            {
                var differs = Differences(before, worker, area, role, start, end, hours, pay).ToList();
                if (differs.Count == 0)
                {
                    rows.Add(new ImportRowView(row.Number, subject, RowOutcome.Unchanged, ["Already brought in with these terms"], []));
                    continue;
                }
                row.Problem(PlacementColumns.ExternalReference, $"This placement was brought in before with another {WordLists.And(differs)}: change it on its page (extend it, change its rate or end it), not by importing it again");
            }
            if (row.HasProblems || worker is null || area is null || role is null || manager is null || start is null || end is null || hours is null || pay is null)
            {
                rows.Add(new ImportRowView(row.Number, subject, RowOutcome.Problem, [], row.Problems));
                continue;
            }

            // Booked as the booking form books, against the requisition it is brought in with. Figures the rules will
            // refuse are kept within the requisition's own bounds meanwhile: the rules say what is wrong with them.
            var requisition = Requisition.ForPlacementBroughtIn(
                new RequisitionDetails(area.Id, role.Id, role.Title, reason, $"Brought in from {fileName} with the placement {reference}", Math.Clamp(hours.Value, 0.01m, 168m),
                    start.Value, end.Value < start.Value ? start.Value : end.Value, Math.Max(pay.Value, 0.01m), 1, IsProjectTeam: false),
                manager.Id, fileName, by, now);
            if (!histories.TryGetValue(worker.Id, out var history))
                histories[worker.Id] = history = await placements.ListAsync(new WorkerPlacementsSpec(worker.Id), cancellationToken);
            var capReason = row.Text(PlacementColumns.CapReason) ?? $"Brought in from {fileName} over its cap; the file gave no reason";
            var input = new PlacementProposalInput(0, worker.Id, pay, hours, start, end, capReason);
            var check = await terms.CheckAsync(new BookingCase(requisition, worker, role, area, supplier!, history, IsShortlisted: true), input, cancellationToken, broughtIn: true);
            foreach (var (field, message) in check.Quote.Errors) row.Problem(ColumnOf.GetValueOrDefault(field) ?? workerColumn, message);
            var notes = new List<string>();
            var signed = SignOffs(row, check, notes, today);
            if (row.HasProblems)
            {
                rows.Add(new ImportRowView(row.Number, subject, RowOutcome.Problem, [], row.Problems));
                continue;
            }
            notes.AddRange(check.Quote.Warnings);
            // Its own weeks hold the worker from now on: a second row for them over the same days is a clash.
            history.Add(new WorkerPlacementRow(0, 0, role.Id, area.Id, start.Value, end.Value, PlacementStatus.Active));
            bookings.Add(new Booking(requisition, worker, check, input, reference!, capReason, signed ?? []));
            rows.Add(new ImportRowView(row.Number, subject, RowOutcome.Add, notes, [], WaitsForSignOff: check.Quote.NeedsCapException && signed is null));
        }

        return new ImportPlan(rows, async (unitOfWork, token) =>
        {
            // The requisitions first: a placement is booked against a saved one.
            foreach (var booking in bookings) requisitions.Add(booking.Requisition);
            var saved = await unitOfWork.SaveChangesAsync(token);
            if (saved.IsConflict) return saved;
            foreach (var booking in bookings)
            {
                var (requisition, worker, check, input) = (booking.Requisition, booking.Worker, booking.Check, booking.Input);
                placements.Add(Placement.BringIn(requisition, worker,
                    new PlacementBooking(check.Quote.Rates!, input.WeeklyHours!.Value, input.StartDate!.Value, input.EndDate!.Value),
                    check.CapException(booking.CapReason), booking.SignedElsewhere, check.Records(by, now, requisition.Id, worker.Id), booking.Reference, fileName, by, now));
            }
            // Each placed worker is claimed, as a booking claims them: one booked at the same moment elsewhere is a conflict.
            foreach (var worker in bookings.Select(b => b.Worker).Distinct()) workers.Claim(worker);
            return await unitOfWork.SaveChangesAsync(token);
        }, () => Outcome(bookings));
    }

    private static string Outcome(List<Booking> bookings)
    {
        var waiting = bookings.Count(b => b.Check.Quote.NeedsCapException && b.SignedElsewhere.Count == 0);
        return $"{WorkerImport.Count(bookings.Count, "placement")} added" + (waiting == 0 ? string.Empty : $", {waiting.ToString("N0", CultureInfo.InvariantCulture)} waiting for sign-off");
    }

    /// <summary>
    /// For a rate over its cap: the sign-offs the file records as given, one name a post in the rules' order; null where
    /// it records none, and the placement waits for them. Said in the row's notes either way.
    /// </summary>
    private static List<SignOffGivenElsewhere>? SignOffs(SheetRow row, BookingCheck check, List<string> notes, DateOnly today)
    {
        var by = row.Text(PlacementColumns.CapSignedOffBy);
        var on = row.Date(PlacementColumns.CapSignedOffOn);
        if (!check.Quote.NeedsCapException)
        {
            if (by is not null || on is not null) notes.Add("Within its caps: the sign-off in the file is not needed and is not recorded");
            return null;
        }
        var approvers = check.Pay!.Approvers;
        var posts = SignOffPosition.Named(approvers);
        if (by is null)
        {
            if (on is not null) row.Problem(PlacementColumns.CapSignedOffBy, "Enter who signed it off, or clear the day it was signed off");
            var unheld = check.Quote.Unheld ?? [];
            notes.Add($"Over its cap: it will wait for sign-off by {SignOffPositions.InWords(approvers)}" +
                (unheld.Count == 0 ? string.Empty : $" (nobody holds the post of {WordLists.And(unheld.ToList())} yet: an admin fills it at Sign-off posts)"));
            return null;
        }
        var signers = by.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (signers.Length != posts.Count)
            row.Problem(PlacementColumns.CapSignedOffBy, $"The rules ask for sign-off by {SignOffPositions.InWords(approvers)}: enter {(posts.Count == 1 ? "one name" : $"{posts.Count} names, one for each post in that order, separated by semicolons")}");
        else if (signers.Any(s => s.Length > Limits.Name))
            row.Problem(PlacementColumns.CapSignedOffBy, $"A name must be {Limits.Name} characters or fewer");
        else if (signers.Any(Common.Results.FieldErrors.HasHidden))
            row.Problem(PlacementColumns.CapSignedOffBy, "A name must not contain hidden characters");
        else if (signers.Any(s => !s.Any(char.IsLetter)))
            row.Problem(PlacementColumns.CapSignedOffBy, "Enter the name of each person who signed it off");
        if (on is null && !row.HasProblemAt(PlacementColumns.CapSignedOffOn)) row.Problem(PlacementColumns.CapSignedOffOn, "Enter the day it was signed off");
        else if (on > today) row.Problem(PlacementColumns.CapSignedOffOn, "The day it was signed off must be today or in the past");
        // No placement runs longer than the rules allow (two years at most), so a sign-off older than that is a wrong date, not an old one.
        else if (on < today.AddYears(-3)) row.Problem(PlacementColumns.CapSignedOffOn, "The day it was signed off must be within the last 3 years");
        if (row.HasProblemAt(PlacementColumns.CapSignedOffBy) || row.HasProblemAt(PlacementColumns.CapSignedOffOn)) return null;
        var at = new DateTimeOffset(on!.Value.ToDateTime(TimeOnly.MinValue), UkClock.Zone.GetUtcOffset(on.Value.ToDateTime(TimeOnly.MinValue)));
        var given = posts.Zip(signers, (post, name) => new SignOffGivenElsewhere(post, name, at)).ToList();
        notes.Add($"Over its cap: signed off on {on.Value.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))} by {WordLists.And(given.Select(g => $"{g.Name} ({g.Position})").ToList())}, recorded as given");
        return given;
    }

    private static WorkerKey? Find(string? reference, string? email, Dictionary<string, WorkerKey> byReference, Dictionary<string, WorkerKey> byEmail) =>
        reference is not null ? byReference.GetValueOrDefault(reference) : email is not null ? byEmail.GetValueOrDefault(email) : null;

    private static (ImportColumn Column, WorkerKey? Worker) WorkerOf(SheetRow row, Dictionary<string, WorkerKey> byReference, Dictionary<string, WorkerKey> byEmail)
    {
        var reference = row.Text(PlacementColumns.WorkerReference);
        var email = row.Text(PlacementColumns.WorkerEmail);
        if (reference is null && email is null)
        {
            var column = row.Present.Contains(PlacementColumns.WorkerReference) || !row.Present.Contains(PlacementColumns.WorkerEmail) ? PlacementColumns.WorkerReference : PlacementColumns.WorkerEmail;
            if (!row.HasProblemAt(column)) row.Problem(column, "Enter the worker's reference, as in the workers file, or their email address");
            return (column, null);
        }
        var byItsReference = reference is null ? null : byReference.GetValueOrDefault(reference);
        if (reference is not null && byItsReference is null)
        {
            row.Problem(PlacementColumns.WorkerReference, $"No worker in the pool was brought in as {reference}: import the workers file first");
            return (PlacementColumns.WorkerReference, null);
        }
        var byItsEmail = email is null ? null : byEmail.GetValueOrDefault(email);
        if (email is not null && byItsEmail is null)
        {
            row.Problem(PlacementColumns.WorkerEmail, $"No worker in the pool has the email address {email}");
            return (PlacementColumns.WorkerEmail, null);
        }
        if (byItsReference is not null && byItsEmail is not null && byItsReference.Id != byItsEmail.Id)
        {
            row.Problem(PlacementColumns.WorkerEmail, $"This is {byItsEmail.FirstName} {byItsEmail.LastName}'s email address, not that of the worker brought in as {reference}");
            return (PlacementColumns.WorkerEmail, null);
        }
        return (reference is null ? PlacementColumns.WorkerEmail : PlacementColumns.WorkerReference, byItsReference ?? byItsEmail);
    }

    private static ServiceAreaSummary? AreaOf(SheetRow row, IReadOnlyList<ServiceAreaSummary> areas)
    {
        if (row.Text(PlacementColumns.ServiceArea) is not { } text)
        {
            if (!row.HasProblemAt(PlacementColumns.ServiceArea)) row.Problem(PlacementColumns.ServiceArea, "Enter the service area's code, like CSC");
            return null;
        }
        var area = areas.FirstOrDefault(a => string.Equals(a.Code, text, StringComparison.OrdinalIgnoreCase))
            ?? areas.FirstOrDefault(a => string.Equals(a.Name.Trim(), text, StringComparison.OrdinalIgnoreCase));
        if (area is null)
            row.Problem(PlacementColumns.ServiceArea, areas.Count == 0
                ? "No service areas are set up yet: an admin adds them before placements are brought in"
                : $"No service area has the code \"{text}\": enter one of {WordLists.Or(areas.Where(a => a.IsActive).Select(a => a.Code).ToList())}");
        // A placement brought in comes with a new requisition, which a service no longer taking them does not get.
        else if (!area.IsActive) row.Problem(PlacementColumns.ServiceArea, $"{area.Name} is no longer taking requisitions: reactivate it to bring in its placements");
        return area is { IsActive: true } ? area : null;
    }

    private static JobRole? RoleOf(SheetRow row, List<JobRole> roles)
    {
        if (row.Text(PlacementColumns.JobRole) is not { } text)
        {
            if (!row.HasProblemAt(PlacementColumns.JobRole)) row.Problem(PlacementColumns.JobRole, "Enter the job role's title");
            return null;
        }
        var role = roles.FirstOrDefault(r => string.Equals(r.Title.Trim(), text, StringComparison.OrdinalIgnoreCase));
        if (role is null)
            row.Problem(PlacementColumns.JobRole, roles.Count == 0
                ? "No job roles are set up yet: an admin adds them before placements are brought in"
                : $"No job role is called \"{text}\": enter the title of one of Connect2Luton's job roles, as the page lists them");
        else if (!role.IsActive) row.Problem(PlacementColumns.JobRole, $"{role.Title} is no longer recruited for: reactivate it to bring in its placements");
        return role is { IsActive: true } ? role : null;
    }

    private static HiringManagerSummary? ManagerOf(SheetRow row, IReadOnlyList<HiringManagerSummary> managers, ServiceAreaSummary? area, IReadOnlyList<ServiceAreaSummary> areas)
    {
        if (row.Text(PlacementColumns.HiringManager) is not { } text)
        {
            if (!row.HasProblemAt(PlacementColumns.HiringManager)) row.Problem(PlacementColumns.HiringManager, "Enter the email address of the hiring manager who asked for the worker");
            return null;
        }
        var matches = managers.Where(m => string.Equals(m.Email, text, StringComparison.OrdinalIgnoreCase)).ToList();
        if (matches.Count == 0) matches = managers.Where(m => string.Equals(m.Name.Trim(), text, StringComparison.OrdinalIgnoreCase)).ToList();
        if (matches.Count == 0)
        {
            row.Problem(PlacementColumns.HiringManager, $"No active hiring manager has the email address {text}: an admin adds them (and their service) first, or reactivates them");
            return null;
        }
        if (area is null) return null;
        if (matches.FirstOrDefault(m => m.ServiceAreaId == area.Id) is { } manager) return manager;
        var theirs = areas.FirstOrDefault(a => a.Id == matches[0].ServiceAreaId)?.Name ?? "another service";
        row.Problem(PlacementColumns.HiringManager, $"{matches[0].Name} is a hiring manager for {theirs}, not {area.Name}");
        return null;
    }

    private static IEnumerable<string> Differences(PlacementBroughtIn before, Worker? worker, ServiceAreaSummary? area, JobRole? role, DateOnly? start, DateOnly? end, decimal? hours, decimal? pay)
    {
        if (worker is not null && worker.Id != before.WorkerId) yield return "worker";
        if (area is not null && area.Id != before.ServiceAreaId) yield return "service area";
        if (role is not null && role.Id != before.JobRoleId) yield return "job role";
        if (start is not null && start != before.StartDate) yield return "start date";
        if (end is not null && end != before.PlannedEndDate) yield return "planned end date";
        if (hours is not null && hours != before.WeeklyHours) yield return "weekly hours";
        if (pay is not null && pay != before.PayRate) yield return "pay rate";
    }

    private static string Name(Worker worker) => worker.FullName;
}

/// <summary>A placement brought in from a file, as a file imported again is compared with it.</summary>
public sealed record PlacementBroughtIn(int Id, string ExternalReference, int WorkerId, int ServiceAreaId, int JobRoleId, DateOnly StartDate, DateOnly PlannedEndDate, decimal WeeklyHours, decimal PayRate);

public sealed class PlacementsBroughtInSpec : Specification<Placement, PlacementBroughtIn>
{
    public PlacementsBroughtInSpec()
    {
        Query.Where(p => p.ExternalReference != null).AsNoTracking();
        Query.Select(p => new PlacementBroughtIn(p.Id, p.ExternalReference!, p.WorkerId, p.ServiceAreaId, p.JobRoleId, p.StartDate, p.PlannedEndDate, p.WeeklyHours, p.Rates.PayRate));
    }
}

/// <summary>Every job role, whole: the rules read a role's grade, family and DfE type.</summary>
public sealed class JobRolesToImportOverSpec : Specification<JobRole>
{
    public JobRolesToImportOverSpec() => Query.AsNoTracking();
}
