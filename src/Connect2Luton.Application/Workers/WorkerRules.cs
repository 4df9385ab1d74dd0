using System.Text.RegularExpressions;
using Connect2Luton.Application.Common.Results;
using Connect2Luton.Application.Common.Validation;
using Connect2Luton.Application.SupplyAgencies;
using Connect2Luton.Domain.Common;
using Connect2Luton.Domain.JobRoles;
using Connect2Luton.Domain.Workers;

namespace Connect2Luton.Application.Workers;

/// <summary>
/// What a worker's details are held to, written once for the worker form and a file of workers brought in: the same
/// checks with the same messages, keyed by the <see cref="WorkerInput"/> field they are about.
/// </summary>
public static partial class WorkerRules
{
    /// <summary>Every message the details get, and the profile they make when there are none.</summary>
    /// <param name="agencies">The suppliers, read once by the caller (a file checks thousands of rows against them).</param>
    /// <param name="currentAgencyId">Who supplies the worker now: a worker stays with an agency deactivated since, but none is newly supplied by one.</param>
    public static (WorkerProfile? Profile, FieldErrors Errors) Check(WorkerInput input, IReadOnlyList<SupplyAgencySummary> agencies, int? currentAgencyId, DateOnly today, ICouncilRegister councils)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(agencies);
        ArgumentNullException.ThrowIfNull(councils);
        var errors = new FieldErrors();

        errors.Required(nameof(input.FirstName), input.FirstName, "Enter the first name");
        errors.Name(nameof(input.FirstName), input.FirstName, Limits.Name, "The first name");
        errors.Required(nameof(input.LastName), input.LastName, "Enter the last name");
        errors.Name(nameof(input.LastName), input.LastName, Limits.Name, "The last name");
        errors.Required(nameof(input.Email), input.Email, "Enter an email address");
        if (!string.IsNullOrWhiteSpace(input.Email) && !TextFormats.IsEmail(input.Email))
            errors.Add(nameof(input.Email), "Enter an email address in the correct format, like name@example.com");
        if (!string.IsNullOrWhiteSpace(input.Phone) && !TextFormats.IsUkPhone(input.Phone))
            errors.Add(nameof(input.Phone), "Enter a UK phone number, like 01582 546000 or 07700 900 982");

        UkPostcode? postcode = null;
        if (string.IsNullOrWhiteSpace(input.Postcode)) errors.Add(nameof(input.Postcode), "Enter a postcode");
        else if (!UkPostcode.TryParse(input.Postcode, out postcode)) errors.Add(nameof(input.Postcode), "Enter a full UK postcode, like LU1 3JH");

        if (input.JobFamily is not { } family || !Enum.IsDefined(family)) errors.Add(nameof(input.JobFamily), "Select the job family");
        var agency = input.SupplyAgencyId is { } agencyId ? agencies.FirstOrDefault(a => a.Id == agencyId) : null;
        if (agency is null) errors.Add(nameof(input.SupplyAgencyId), "Select who supplies the worker");
        else if (!agency.IsActive && agency.Id != currentAgencyId)
            errors.Add(nameof(input.SupplyAgencyId), $"{agency.Name} is no longer used: select who supplies the worker now");

        if (input.DateOfBirth is { } born && (born > today.AddYears(-16) || born < today.AddYears(-100)))
            errors.Add(nameof(input.DateOfBirth), "Enter a date of birth for someone aged 16 to 100, like 27 3 1990");

        if (input.QualifiedOn is { } qualified)
        {
            // A qualification before the person could have earned it gives years of experience nobody has.
            if (qualified > today) errors.Add(nameof(input.QualifiedOn), "The qualification date must be today or in the past");
            else if (qualified < today.AddYears(-70)) errors.Add(nameof(input.QualifiedOn), "Enter a qualification date in the last 70 years");
            else if (input.DateOfBirth is { } birth && qualified < birth.AddYears(16)) errors.Add(nameof(input.QualifiedOn), "The qualification date must be after their 16th birthday");
        }

        var anyPrevious = !string.IsNullOrWhiteSpace(input.PreviousCouncil) || input.LeftPermanentCouncilPostOn is not null;
        errors.Name(nameof(input.PreviousCouncil), input.PreviousCouncil, Limits.Name, "The council");
        if (anyPrevious && string.IsNullOrWhiteSpace(input.PreviousCouncil)) errors.Add(nameof(input.PreviousCouncil), "Enter the council of the last permanent post");
        if (anyPrevious && input.LeftPermanentCouncilPostOn is null) errors.Add(nameof(input.LeftPermanentCouncilPostOn), "Enter when the worker left that post");
        if (input.LeftPermanentCouncilPostOn is { } left && left > today) errors.Add(nameof(input.LeftPermanentCouncilPostOn), "The date they left must be today or in the past");

        if (input.RightToWorkCheckedOn is { } rtw)
        {
            if (rtw > today) errors.Add(nameof(input.RightToWorkCheckedOn), "The right-to-work check must be today or in the past");
            if (input.RightToWorkExpiresOn is { } expires && expires < rtw) errors.Add(nameof(input.RightToWorkExpiresOn), "The permission cannot end before it was checked");
        }
        else if (input.RightToWorkExpiresOn is not null)
        {
            errors.Add(nameof(input.RightToWorkCheckedOn), "Enter when the right to work was checked");
        }

        var anyDbs = input.DbsIssuedOn is not null || input.DbsLevel is not null || !string.IsNullOrWhiteSpace(input.DbsCertificateNumber);
        if (anyDbs)
        {
            if (input.DbsIssuedOn is not { } issued) errors.Add(nameof(input.DbsIssuedOn), "Enter when the DBS certificate was issued");
            else if (issued > today) errors.Add(nameof(input.DbsIssuedOn), "The DBS certificate's issue date must be today or in the past");
            if (input.DbsLevel is not { } level || !Enum.IsDefined(level)) errors.Add(nameof(input.DbsLevel), "Select the DBS level");
            if (input.DbsStatusCheckedOn is { } status)
            {
                if (!input.DbsOnUpdateService) errors.Add(nameof(input.DbsStatusCheckedOn), "A status check is only possible for a certificate on the Update Service: tick it, or clear the date");
                else if (status > today) errors.Add(nameof(input.DbsStatusCheckedOn), "The status check must be today or in the past");
                else if (input.DbsIssuedOn is { } issuedOn && status < issuedOn) errors.Add(nameof(input.DbsStatusCheckedOn), "The status check must be on or after the day the certificate was issued");
            }
            if (string.IsNullOrWhiteSpace(input.DbsCertificateNumber) || !DbsNumber().IsMatch(input.DbsCertificateNumber.Trim()))
                errors.Add(nameof(input.DbsCertificateNumber), "Enter the 12-digit DBS certificate number");
        }

        if (input.RegistrationBody is { } body and not RegistrationBody.None)
        {
            if (!Enum.IsDefined(body)) errors.Add(nameof(input.RegistrationBody), "Select the registering body");
            errors.Required(nameof(input.RegistrationNumber), input.RegistrationNumber, "Enter the registration number");
            if (!string.IsNullOrWhiteSpace(input.RegistrationNumber) && !RegistrationNumber().IsMatch(input.RegistrationNumber.Trim()))
                errors.Add(nameof(input.RegistrationNumber), "Enter the registration number as it appears on the register, like SW123456");
            if (input.RegistrationExpiresOn is null) errors.Add(nameof(input.RegistrationExpiresOn), "Enter when the registration expires");
        }

        if (errors.Any) return (null, errors);
        // The region comes from the register, never from what is typed: a council it does not hold (a district, or
        // one outside England) keeps no region, and the DfE cooling-off treats that as the same region, not as none.
        var previous = anyPrevious
            ? councils.Find(input.PreviousCouncil!) is { } known
                ? new PreviousCouncilEmployment(known.Council, known.Region, input.LeftPermanentCouncilPostOn!.Value)
                : new PreviousCouncilEmployment(input.PreviousCouncil!.Trim(), string.Empty, input.LeftPermanentCouncilPostOn!.Value)
            : null;
        return (new WorkerProfile(input.FirstName!.Trim(), input.LastName!.Trim(), input.Email!.Trim(), input.Phone?.Trim(), postcode!,
            input.JobFamily!.Value, input.SupplyAgencyId!.Value, input.QualifiedOn, input.OpenToPermanentJob, previous, input.DateOfBirth), errors);
    }

    [GeneratedRegex(@"^[0-9]{12}$", RegexOptions.CultureInvariant)]
    private static partial Regex DbsNumber();

    [GeneratedRegex(@"^[A-Za-z]{0,4}[0-9]{4,10}$", RegexOptions.CultureInvariant)]
    private static partial Regex RegistrationNumber();

    /// <summary>
    /// A check once recorded stays on the record: a blanked date would otherwise be ignored while the rest saved. A
    /// newer check replaces it.
    /// </summary>
    public static void KeepRecordedChecks(Worker worker, WorkerInput input, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(worker);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(errors);
        if (worker.RightToWork is not null && input.RightToWorkCheckedOn is null)
            errors.Add(nameof(input.RightToWorkCheckedOn), "Enter when the right to work was checked: a recorded check can be replaced by a newer one, not removed");
        if (worker.Dbs is not null && input.DbsIssuedOn is null)
            errors.Add(nameof(input.DbsIssuedOn), "Enter when the DBS certificate was issued: a recorded certificate can be replaced by a newer one, not removed");
    }

    /// <summary>Records the checks the details give on the worker (they have passed <see cref="Check"/>).</summary>
    public static void RecordChecks(Worker worker, WorkerInput input)
    {
        ArgumentNullException.ThrowIfNull(worker);
        ArgumentNullException.ThrowIfNull(input);
        if (input.RightToWorkCheckedOn is { } checkedOn) worker.RecordRightToWork(new RightToWorkCheck(checkedOn, input.RightToWorkExpiresOn));
        if (input.DbsIssuedOn is { } issued) worker.RecordDbs(new DbsCheck(issued, input.DbsLevel!.Value, input.DbsCertificateNumber!.Trim(), input.DbsOnUpdateService,
            input.DbsOnUpdateService ? input.DbsStatusCheckedOn : null));
        worker.RecordRegistration(input.RegistrationBody is { } body and not RegistrationBody.None
            ? new ProfessionalRegistration(body, input.RegistrationNumber!.Trim(), input.RegistrationExpiresOn!.Value)
            : null);
    }
}
