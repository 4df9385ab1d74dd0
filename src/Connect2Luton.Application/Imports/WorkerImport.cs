using System.Globalization;
using System.Text.RegularExpressions;
using Connect2Luton.Application.Common;
using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Application.Common.Specifications;
using Connect2Luton.Application.Common.Time;
using Connect2Luton.Application.Workers;
using Connect2Luton.Domain.Common;
using Connect2Luton.Domain.JobRoles;
using Connect2Luton.Domain.Workers;

namespace Connect2Luton.Application.Imports;

/// <summary>The columns of a file of workers, in the template's order.</summary>
public static class WorkerColumns
{
    public static readonly ImportColumn ExternalReference = new("External reference", true,
        "The worker's reference in the spreadsheet or system the file comes from (up to 50 characters). A file imported again matches on it: the same row changes nothing, a changed row updates the worker.", "Reference");
    public static readonly ImportColumn FirstName = new("First name", true, "As on their right-to-work documents.", "Forename");
    public static readonly ImportColumn LastName = new("Last name", true, "As on their right-to-work documents.", "Surname");
    public static readonly ImportColumn Email = new("Email", true, "One worker per email address.", "Email address");
    public static readonly ImportColumn Phone = new("Phone", false, "A UK number, like 01582 546000 or +44 7700 900982.", "Phone number");
    public static readonly ImportColumn Postcode = new("Postcode", true, "Their home postcode in full, like LU1 3JH.", "Home postcode");
    public static readonly ImportColumn JobFamily = new("Job family", true, $"{Choices.Families.InWords} (\"Social work\" is read as social care).");
    public static readonly ImportColumn Agency = new("Agency", true, "Who supplies them, named as in Connect2Luton's supply agencies.", "Supplied by", "Supply agency");
    public static readonly ImportColumn QualifiedOn = new("Qualified on", false, "When they gained their professional qualification: it gives post-qualified experience.", "Date qualified");
    public static readonly ImportColumn RightToWorkCheckedOn = new("Right to work checked on", false, "The day their right to work was checked. A worker without one cannot be booked.");
    public static readonly ImportColumn RightToWorkEndsOn = new("Right to work ends on", false, "Only for time-limited permission to work.", "Permission to work ends on");
    public static readonly ImportColumn DbsIssuedOn = new("DBS issued on", false, "The day the DBS certificate was issued, with its level and number.");
    public static readonly ImportColumn DbsLevel = new("DBS level", false, $"{Choices.DbsLevels.InWords}.");
    public static readonly ImportColumn DbsCertificateNumber = new("DBS certificate number", false, "12 digits. Format the column as text in a spreadsheet, or it turns the number into 1.23457E+11.", "DBS number");
    public static readonly ImportColumn DbsUpdateService = new("DBS update service", false, "Yes if the certificate is on the DBS Update Service; blank is No.", "On the DBS update service");
    public static readonly ImportColumn DbsStatusCheckedOn = new("DBS status checked on", false, "The last status check on the Update Service.");
    public static readonly ImportColumn RegisteredWith = new("Registered with", false, $"{Choices.Bodies.InWords}; blank if not registered (a number starting SW is read as Social Work England).", "Registration body");
    public static readonly ImportColumn RegistrationNumber = new("Registration number", false, "As on the register, like SW123456.");
    public static readonly ImportColumn RegistrationExpiresOn = new("Registration expires on", false, "When the registration must be renewed.");
    public static readonly ImportColumn OpenToPermanentJob = new("Open to a permanent job", false, "Yes or No; blank is No.", "Open to permanent");
    public static readonly ImportColumn PreviousCouncil = new("Previous council", false, "The council of their last permanent post, if any, for the DfE cooling-off.");
    public static readonly ImportColumn LeftCouncilPostOn = new("Left council post on", false, "When they left that post.", "Left council on");

    public static readonly IReadOnlyList<ImportColumn> All =
    [
        ExternalReference, FirstName, LastName, Email, Phone, Postcode, JobFamily, Agency, QualifiedOn, RightToWorkCheckedOn, RightToWorkEndsOn,
        DbsIssuedOn, DbsLevel, DbsCertificateNumber, DbsUpdateService, DbsStatusCheckedOn, RegisteredWith, RegistrationNumber, RegistrationExpiresOn,
        OpenToPermanentJob, PreviousCouncil, LeftCouncilPostOn,
    ];

    /// <summary>The template's example row, dated from <paramref name="today"/>, with the first supplier there is.</summary>
    public static IReadOnlyList<string> Example(DateOnly today, string? agency) =>
    [
        "W-00123", "Amira", "Hussain", "amira.hussain@example.com", "07700 900982", "LU1 3JH", "Social care", agency ?? "Connect2Luton in-house pool",
        ImportText.Date(today.AddYears(-8)), ImportText.Date(today.AddMonths(-10)), string.Empty,
        ImportText.Date(today.AddMonths(-9)), "Enhanced with barred lists", "123456789012", "Yes", string.Empty,
        "Social Work England", "SW123456", ImportText.Date(today.AddYears(1)), "Yes", string.Empty, string.Empty,
    ];

    /// <summary>The answers the choice columns take.</summary>
    public static class Choices
    {
        public static readonly ImportChoices<Domain.JobRoles.JobFamily> Families = new(new Dictionary<Domain.JobRoles.JobFamily, string[]>
        {
            [Domain.JobRoles.JobFamily.SocialCare] = ["Social work", "Social worker", "Social workers"],
            [Domain.JobRoles.JobFamily.NeighbourhoodServices] = ["Neighbourhood", "Environmental services"],
            [Domain.JobRoles.JobFamily.InterimManagement] = ["Interim", "Interim manager"],
        });

        public static readonly ImportChoices<Domain.Workers.DbsLevel> DbsLevels = new(new Dictionary<Domain.Workers.DbsLevel, string[]>
        {
            [Domain.Workers.DbsLevel.EnhancedWithBarredLists] = ["Enhanced with barred list", "Enhanced and barred lists", "Enhanced with barring"],
        });

        public static readonly ImportChoices<RegistrationBody> Bodies = new(new Dictionary<RegistrationBody, string[]>
        {
            [RegistrationBody.None] = ["Not registered"],
            [RegistrationBody.SocialWorkEngland] = ["SWE"],
            [RegistrationBody.HealthAndCareProfessionsCouncil] = ["HCPC"],
            [RegistrationBody.NursingAndMidwiferyCouncil] = ["NMC"],
        }, body => body switch
        {
            RegistrationBody.None => "None",
            RegistrationBody.SocialWorkEngland => "Social Work England",
            RegistrationBody.HealthAndCareProfessionsCouncil => "HCPC",
            _ => "NMC",
        });
    }
}

/// <summary>
/// A file of workers checked row by row as the worker form checks one (<see cref="WorkerRules"/>, the same messages),
/// matched to the pool by the reference each was brought in with: a new reference adds a worker, a known one with
/// other details updates them, one with the same details changes nothing. Everything it checks against (the
/// suppliers, every worker's reference and email) is read once, not once a row.
/// </summary>
public sealed partial class WorkerImport(IRepository<Worker> workers, ReferenceNames names, ICouncilRegister councils, TimeProvider clock)
{
    // Which column each of the form's fields is, so the rules' messages land where the person typed.
    private static readonly Dictionary<string, ImportColumn> ColumnOf = new(StringComparer.Ordinal)
    {
        [nameof(WorkerInput.FirstName)] = WorkerColumns.FirstName,
        [nameof(WorkerInput.LastName)] = WorkerColumns.LastName,
        [nameof(WorkerInput.Email)] = WorkerColumns.Email,
        [nameof(WorkerInput.Phone)] = WorkerColumns.Phone,
        [nameof(WorkerInput.Postcode)] = WorkerColumns.Postcode,
        [nameof(WorkerInput.JobFamily)] = WorkerColumns.JobFamily,
        [nameof(WorkerInput.SupplyAgencyId)] = WorkerColumns.Agency,
        [nameof(WorkerInput.QualifiedOn)] = WorkerColumns.QualifiedOn,
        [nameof(WorkerInput.PreviousCouncil)] = WorkerColumns.PreviousCouncil,
        [nameof(WorkerInput.LeftPermanentCouncilPostOn)] = WorkerColumns.LeftCouncilPostOn,
        [nameof(WorkerInput.RightToWorkCheckedOn)] = WorkerColumns.RightToWorkCheckedOn,
        [nameof(WorkerInput.RightToWorkExpiresOn)] = WorkerColumns.RightToWorkEndsOn,
        [nameof(WorkerInput.DbsIssuedOn)] = WorkerColumns.DbsIssuedOn,
        [nameof(WorkerInput.DbsLevel)] = WorkerColumns.DbsLevel,
        [nameof(WorkerInput.DbsCertificateNumber)] = WorkerColumns.DbsCertificateNumber,
        [nameof(WorkerInput.DbsStatusCheckedOn)] = WorkerColumns.DbsStatusCheckedOn,
        [nameof(WorkerInput.RegistrationBody)] = WorkerColumns.RegisteredWith,
        [nameof(WorkerInput.RegistrationNumber)] = WorkerColumns.RegistrationNumber,
        [nameof(WorkerInput.RegistrationExpiresOn)] = WorkerColumns.RegistrationExpiresOn,
    };

    /// <param name="forUpdate">Read the workers a file changes for update, to save them (confirming); otherwise only to compare (a preview).</param>
    internal async Task<ImportPlan> PlanAsync(ImportSheet sheet, bool forUpdate, CancellationToken cancellationToken)
    {
        var today = clock.Today();
        var now = clock.GetUtcNow();
        var suppliers = await names.SupplyAgenciesAsync(cancellationToken);
        var pool = await workers.ListAsync(new WorkerKeysSpec(), cancellationToken);
        var byReference = pool.Where(w => w.ExternalReference is not null).ToDictionary(w => w.ExternalReference!, StringComparer.OrdinalIgnoreCase);
        var byEmail = pool.GroupBy(w => w.Email, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.OrdinalIgnoreCase);

        // The workers the file names, read whole once: to compare with, and (confirming) to change.
        var known = sheet.Rows.Select(r => r.Text(WorkerColumns.ExternalReference)).OfType<string>()
            .Select(r => byReference.GetValueOrDefault(r)?.Id).OfType<int>().Distinct().ToList();
        var existing = new Dictionary<int, Worker>();
        foreach (var batch in known.Chunk(500))
            foreach (var worker in await workers.ListAsync(new WorkersToImportOverSpec(batch, forUpdate), cancellationToken)) existing[worker.Id] = worker;

        var seenReferences = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var seenEmails = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var rows = new List<ImportRowView>();
        var adding = new List<Worker>();
        var updating = new List<(Worker Worker, WorkerProfile Profile, WorkerInput Input)>();
        foreach (var row in sheet.Rows)
        {
            var reference = row.Text(WorkerColumns.ExternalReference);
            if (reference is null) row.Problem(WorkerColumns.ExternalReference, "Enter the worker's reference from the system the file comes from");
            else if (reference.Length > Limits.Reference) row.Problem(WorkerColumns.ExternalReference, $"The reference must be {Limits.Reference} characters or fewer");
            else if (seenReferences.TryGetValue(reference, out var first)) row.Problem(WorkerColumns.ExternalReference, $"Row {first} has the same reference: each worker is on one row");
            else seenReferences[reference] = row.Number;

            var input = Read(row, suppliers);
            var match = reference is null ? null : byReference.GetValueOrDefault(reference);
            var current = match is null ? null : existing.GetValueOrDefault(match.Id);
            if (current is not null) input = KeepAbsent(input, row.Present, current);
            var (profile, errors) = WorkerRules.Check(input, suppliers, current?.SupplyAgencyId, today, councils);
            if (current is not null) WorkerRules.KeepRecordedChecks(current, input, errors);
            // What a spreadsheet did to a number is said before the rules say the number is wrong.
            Hints(row);
            foreach (var (field, message) in errors.All) row.Problem(ColumnOf[field], InAFile(message));

            if (input.Email?.Trim() is { Length: > 0 } email && !row.HasProblemAt(WorkerColumns.Email))
            {
                if (seenEmails.TryGetValue(email, out var earlier)) row.Problem(WorkerColumns.Email, $"Row {earlier} has the same email address: each worker has their own");
                else seenEmails[email] = row.Number;
                if (byEmail.GetValueOrDefault(email)?.FirstOrDefault(w => w.Id != match?.Id) is { } other)
                    row.Problem(WorkerColumns.Email, $"{other.FirstName} {other.LastName} already has this email address in the pool{(other.ExternalReference is { } theirs ? $" (brought in as {theirs})" : string.Empty)}: each worker has their own");
            }

            var subject = $"{Name(input)} ({reference ?? "no reference"})";
            if (row.HasProblems || profile is null)
            {
                rows.Add(new ImportRowView(row.Number, subject, RowOutcome.Problem, [], row.Problems));
                continue;
            }
            var incoming = new Worker(profile, now);
            WorkerRules.RecordChecks(incoming, input);
            incoming.RecordExternalReference(reference!);
            if (current is null)
            {
                adding.Add(incoming);
                rows.Add(new ImportRowView(row.Number, subject, RowOutcome.Add, [], []));
                continue;
            }
            var changed = Changes(current, incoming).ToList();
            if (changed.Count == 0)
            {
                rows.Add(new ImportRowView(row.Number, subject, RowOutcome.Unchanged, ["Already in the pool with these details"], []));
                continue;
            }
            updating.Add((current, profile, input));
            rows.Add(new ImportRowView(row.Number, subject, RowOutcome.Update, [$"Will change {WordLists.And(changed)}"], []));
        }

        return new ImportPlan(rows, async (unitOfWork, token) =>
        {
            foreach (var worker in adding) workers.Add(worker);
            foreach (var (worker, profile, input) in updating)
            {
                worker.Update(profile);
                WorkerRules.RecordChecks(worker, input);
            }
            return await unitOfWork.SaveChangesAsync(token);
        }, () => Outcome(adding.Count, updating.Count));
    }

    private static string Outcome(int added, int updated) =>
        (added, updated) switch
        {
            (_, 0) => $"{Count(added, "worker")} added",
            (0, _) => $"{Count(updated, "worker")} updated",
            _ => $"{Count(added, "worker")} added, {updated.ToString("N0", CultureInfo.InvariantCulture)} updated",
        };

    internal static string Count(int count, string noun) => $"{count.ToString("N0", CultureInfo.InvariantCulture)} {(count == 1 ? noun : noun + "s")}";

    private static WorkerInput Read(SheetRow row, IReadOnlyList<SupplyAgencies.SupplyAgencySummary> suppliers)
    {
        int? supplier = null;
        if (row.Text(WorkerColumns.Agency) is { } agency)
        {
            supplier = suppliers.FirstOrDefault(s => string.Equals(s.Name.Trim(), agency, StringComparison.OrdinalIgnoreCase))?.Id;
            if (supplier is null)
                row.Problem(WorkerColumns.Agency, suppliers.Count == 0
                    ? "No supply agencies are set up yet: an admin adds them before workers are brought in"
                    : $"No supply agency is called \"{agency}\": enter one of {WordLists.Or(suppliers.Where(s => s.IsActive).Select(s => s.Name).ToList())}");
        }
        var number = row.Text(WorkerColumns.RegistrationNumber);
        var body = row.Choice(WorkerColumns.RegisteredWith, WorkerColumns.Choices.Bodies);
        if (body is null && number is not null && !row.HasProblemAt(WorkerColumns.RegisteredWith))
        {
            if (number.StartsWith("SW", StringComparison.OrdinalIgnoreCase)) body = RegistrationBody.SocialWorkEngland;
            else row.Problem(WorkerColumns.RegisteredWith, $"Enter who the worker is registered with: {WordLists.Or(WorkerColumns.Choices.Bodies.Words.Skip(1).ToList())}");
        }
        return new WorkerInput(
            row.Text(WorkerColumns.FirstName),
            row.Text(WorkerColumns.LastName),
            row.Text(WorkerColumns.Email),
            row.Text(WorkerColumns.Phone),
            row.Text(WorkerColumns.Postcode),
            row.Choice(WorkerColumns.JobFamily, WorkerColumns.Choices.Families),
            supplier ?? (row.Text(WorkerColumns.Agency) is null ? null : 0),
            row.Date(WorkerColumns.QualifiedOn),
            row.YesNo(WorkerColumns.OpenToPermanentJob),
            row.Text(WorkerColumns.PreviousCouncil),
            row.Date(WorkerColumns.LeftCouncilPostOn),
            row.Date(WorkerColumns.RightToWorkCheckedOn),
            row.Date(WorkerColumns.RightToWorkEndsOn),
            row.Date(WorkerColumns.DbsIssuedOn),
            row.Choice(WorkerColumns.DbsLevel, WorkerColumns.Choices.DbsLevels),
            row.Text(WorkerColumns.DbsCertificateNumber),
            row.YesNo(WorkerColumns.DbsUpdateService),
            row.Date(WorkerColumns.DbsStatusCheckedOn),
            body,
            number,
            row.Date(WorkerColumns.RegistrationExpiresOn));
    }

    /// <summary>
    /// A column the file leaves out says nothing about the worker: what is recorded for it stays. (A column given with
    /// a blank cell does clear it, where the worker form would.)
    /// </summary>
    private static WorkerInput KeepAbsent(WorkerInput input, IReadOnlySet<ImportColumn> present, Worker worker)
    {
        // No file carries a date of birth: it is what an agency's portal records, and a file never clears it.
        input = input with { DateOfBirth = worker.DateOfBirth };
        if (!present.Contains(WorkerColumns.Phone)) input = input with { Phone = worker.Phone };
        if (!present.Contains(WorkerColumns.QualifiedOn)) input = input with { QualifiedOn = worker.QualifiedOn };
        if (!present.Contains(WorkerColumns.OpenToPermanentJob)) input = input with { OpenToPermanentJob = worker.OpenToPermanentJob };
        if (!present.Contains(WorkerColumns.PreviousCouncil)) input = input with { PreviousCouncil = worker.PreviousCouncil };
        if (!present.Contains(WorkerColumns.LeftCouncilPostOn)) input = input with { LeftPermanentCouncilPostOn = worker.LeftPermanentCouncilPostOn };
        if (!present.Contains(WorkerColumns.RegistrationNumber) && !present.Contains(WorkerColumns.RegisteredWith) && !present.Contains(WorkerColumns.RegistrationExpiresOn))
        {
            input = input with
            {
                RegistrationBody = worker.Registration?.Body,
                RegistrationNumber = worker.Registration?.Number,
                RegistrationExpiresOn = worker.Registration?.ExpiresOn,
            };
        }
        if (!present.Contains(WorkerColumns.RightToWorkEndsOn) && !present.Contains(WorkerColumns.RightToWorkCheckedOn))
            input = input with { RightToWorkCheckedOn = worker.RightToWork?.CheckedOn, RightToWorkExpiresOn = worker.RightToWork?.ExpiresOn };
        if (!present.Contains(WorkerColumns.DbsUpdateService) && !present.Contains(WorkerColumns.DbsStatusCheckedOn) && !present.Contains(WorkerColumns.DbsIssuedOn))
        {
            input = input with
            {
                DbsIssuedOn = worker.Dbs?.IssuedOn,
                DbsLevel = worker.Dbs?.Level,
                DbsCertificateNumber = worker.Dbs?.CertificateNumber,
                DbsOnUpdateService = worker.Dbs?.OnUpdateService ?? false,
                DbsStatusCheckedOn = worker.Dbs?.StatusCheckedOn,
            };
        }
        return input;
    }

    // The form's words for its controls, said for a file.
    private static string InAFile(string message) =>
        (message.StartsWith("Select ", StringComparison.Ordinal) ? "Enter " + message["Select ".Length..] : message)
            .Replace(": select ", ": enter ", StringComparison.Ordinal)
            .Replace("tick it, or clear the date", "put Yes in DBS update service, or clear the date", StringComparison.Ordinal);

    // What a spreadsheet does to numbers typed into it, said where it shows.
    private static void Hints(SheetRow row)
    {
        if (row.Text(WorkerColumns.DbsCertificateNumber) is { } dbs && Scientific().IsMatch(dbs))
            row.Problem(WorkerColumns.DbsCertificateNumber, $"\"{dbs}\" is how a spreadsheet shows a long number: format the column as text, type the 12 digits again and save the file");
        if (row.Text(WorkerColumns.Phone) is { } phone && LostZero().IsMatch(phone))
            row.Problem(WorkerColumns.Phone, $"\"{phone}\" looks like a phone number that lost its first 0 in a spreadsheet: format the column as text and type it again");
    }

    private static string Name(WorkerInput input) =>
        string.Join(' ', new[] { input.FirstName, input.LastName }.Where(n => !string.IsNullOrWhiteSpace(n))) is { Length: > 0 } name ? name : "A worker";

    /// <summary>The details, by column, that differ between the worker in the pool and the row.</summary>
    private static IEnumerable<string> Changes(Worker current, Worker incoming)
    {
        var was = Details(current);
        var now = Details(incoming);
        return was.Keys.Where(column => !string.Equals(was[column], now[column], StringComparison.Ordinal)).Select(c => c.ToLowerInvariant().Replace("dbs", "DBS", StringComparison.Ordinal));
    }

    private static Dictionary<string, string?> Details(Worker w) => new()
    {
        [WorkerColumns.FirstName.Heading] = w.FirstName,
        [WorkerColumns.LastName.Heading] = w.LastName,
        [WorkerColumns.Email.Heading] = w.Email,
        [WorkerColumns.Phone.Heading] = w.Phone,
        [WorkerColumns.Postcode.Heading] = w.Postcode,
        [WorkerColumns.JobFamily.Heading] = w.JobFamily.ToString(),
        [WorkerColumns.Agency.Heading] = Text(w.SupplyAgencyId),
        [WorkerColumns.QualifiedOn.Heading] = Text(w.QualifiedOn),
        [WorkerColumns.RightToWorkCheckedOn.Heading] = Text(w.RightToWork?.CheckedOn),
        [WorkerColumns.RightToWorkEndsOn.Heading] = Text(w.RightToWork?.ExpiresOn),
        [WorkerColumns.DbsIssuedOn.Heading] = Text(w.Dbs?.IssuedOn),
        [WorkerColumns.DbsLevel.Heading] = w.Dbs?.Level.ToString(),
        [WorkerColumns.DbsCertificateNumber.Heading] = w.Dbs?.CertificateNumber,
        [WorkerColumns.DbsUpdateService.Heading] = Text(w.Dbs?.OnUpdateService),
        [WorkerColumns.DbsStatusCheckedOn.Heading] = Text(w.Dbs?.StatusCheckedOn),
        [WorkerColumns.RegisteredWith.Heading] = w.Registration?.Body.ToString(),
        [WorkerColumns.RegistrationNumber.Heading] = w.Registration?.Number,
        [WorkerColumns.RegistrationExpiresOn.Heading] = Text(w.Registration?.ExpiresOn),
        [WorkerColumns.OpenToPermanentJob.Heading] = Text(w.OpenToPermanentJob),
        [WorkerColumns.PreviousCouncil.Heading] = w.PreviousCouncil,
        [WorkerColumns.LeftCouncilPostOn.Heading] = Text(w.LeftPermanentCouncilPostOn),
    };

    private static string? Text<T>(T? value) where T : struct => value is { } v ? Convert.ToString(v, CultureInfo.InvariantCulture) : null;

    private static string? Text<T>(T value) where T : struct => Convert.ToString(value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^[0-9](\.[0-9]+)?E\+[0-9]+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Scientific();

    // Ten digits starting 1, 2 or 7 with no 0 in front: a UK number a spreadsheet read as a number.
    [GeneratedRegex(@"^[127][0-9]{9}$", RegexOptions.CultureInvariant)]
    private static partial Regex LostZero();
}

/// <summary>Every worker's reference and email, to match a file's rows against (a few columns of each, read once).</summary>
public sealed record WorkerKey(int Id, string? ExternalReference, string Email, string FirstName, string LastName);

public sealed class WorkerKeysSpec : Specification<Worker, WorkerKey>
{
    public WorkerKeysSpec()
    {
        Query.AsNoTracking();
        Query.Select(w => new WorkerKey(w.Id, w.ExternalReference, w.Email, w.FirstName, w.LastName));
    }
}

/// <summary>The workers a file names, whole: to compare with it, or (for update) to change.</summary>
public sealed class WorkersToImportOverSpec : Specification<Worker>
{
    public WorkersToImportOverSpec(IReadOnlyCollection<int> ids, bool forUpdate)
    {
        Query.Where(w => ids.Contains(w.Id));
        if (!forUpdate) Query.AsNoTracking();
    }
}
