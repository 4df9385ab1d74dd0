using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Connect2Luton.Application.Workers;
using Connect2Luton.Domain.JobRoles;
using Connect2Luton.Domain.Workers;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Connect2Luton.Web.Forms;

/// <summary>The worker form as posted: everything as typed, read into the use case's input with messages at each field.</summary>
public sealed class WorkerForm
{
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? Postcode { get; set; }
    public string? JobFamily { get; set; }
    public string? SupplyAgencyId { get; set; }
    public DateInput DateOfBirth { get; set; } = new();
    public DateInput QualifiedOn { get; set; } = new();
    [Display(Name = "Open to a permanent job")]
    public bool OpenToPermanentJob { get; set; }
    public string? PreviousCouncil { get; set; }
    public DateInput LeftPermanentCouncilPostOn { get; set; } = new();
    public DateInput RightToWorkCheckedOn { get; set; } = new();
    public DateInput RightToWorkExpiresOn { get; set; } = new();
    public DateInput DbsIssuedOn { get; set; } = new();
    public string? DbsLevel { get; set; }
    public string? DbsCertificateNumber { get; set; }
    [Display(Name = "On the DBS Update Service")]
    public bool DbsOnUpdateService { get; set; }

    public DateInput DbsStatusCheckedOn { get; set; } = new();
    public string? RegistrationBody { get; set; }
    public string? RegistrationNumber { get; set; }
    public DateInput RegistrationExpiresOn { get; set; } = new();

    public WorkerInput Read(ModelStateDictionary modelState) => new(
        FirstName, LastName, Email, Phone, Postcode,
        FormReading.Choice<JobFamily>(JobFamily),
        FormReading.Choice(SupplyAgencyId),
        modelState.Date("Input.QualifiedOn", QualifiedOn, "The qualification date"),
        OpenToPermanentJob,
        PreviousCouncil,
        modelState.Date("Input.LeftPermanentCouncilPostOn", LeftPermanentCouncilPostOn, "The date they left"),
        modelState.Date("Input.RightToWorkCheckedOn", RightToWorkCheckedOn, "The right-to-work check date"),
        modelState.Date("Input.RightToWorkExpiresOn", RightToWorkExpiresOn, "The end of the permission to work"),
        modelState.Date("Input.DbsIssuedOn", DbsIssuedOn, "The DBS issue date"),
        modelState.OptionalChoice<DbsLevel>("Input.DbsLevel", DbsLevel, "Select the DBS level from the list"),
        DbsCertificateNumber,
        DbsOnUpdateService,
        modelState.Date("Input.DbsStatusCheckedOn", DbsStatusCheckedOn, "The Update Service status check date"),
        modelState.OptionalChoice<RegistrationBody>("Input.RegistrationBody", RegistrationBody, "Select who they are registered with from the list, or Not registered"),
        RegistrationNumber,
        modelState.Date("Input.RegistrationExpiresOn", RegistrationExpiresOn, "The registration expiry date"),
        modelState.Date("Input.DateOfBirth", DateOfBirth, "The date of birth"));

    public static WorkerForm From(WorkerView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return new WorkerForm
        {
            FirstName = view.FirstName,
            LastName = view.LastName,
            Email = view.Email,
            Phone = view.Phone,
            Postcode = view.Postcode,
            JobFamily = view.JobFamily.ToString(),
            SupplyAgencyId = view.SupplyAgencyId.ToString(CultureInfo.InvariantCulture),
            DateOfBirth = DateInput.From(view.DateOfBirth),
            QualifiedOn = DateInput.From(view.QualifiedOn),
            OpenToPermanentJob = view.OpenToPermanentJob,
            PreviousCouncil = view.PreviousCouncil,
            LeftPermanentCouncilPostOn = DateInput.From(view.LeftPermanentCouncilPostOn),
            RightToWorkCheckedOn = DateInput.From(view.RightToWork?.CheckedOn),
            RightToWorkExpiresOn = DateInput.From(view.RightToWork?.ExpiresOn),
            DbsIssuedOn = DateInput.From(view.Dbs?.IssuedOn),
            DbsLevel = view.Dbs?.Level.ToString(),
            DbsCertificateNumber = view.Dbs?.CertificateNumber,
            DbsOnUpdateService = view.Dbs?.OnUpdateService ?? false,
            DbsStatusCheckedOn = DateInput.From(view.Dbs?.StatusCheckedOn),
            RegistrationBody = view.Registration?.Body.ToString(),
            RegistrationNumber = view.Registration?.Number,
            RegistrationExpiresOn = DateInput.From(view.Registration?.ExpiresOn),
        };
    }
}
