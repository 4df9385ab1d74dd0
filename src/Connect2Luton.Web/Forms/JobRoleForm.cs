using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Connect2Luton.Application.JobRoles;
using Connect2Luton.Domain.JobRoles;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Connect2Luton.Web.Forms;

/// <summary>The job role form as posted: salaries as typed ("£39,027" or "39027"), choices by name.</summary>
public sealed class JobRoleForm
{
    public string? Title { get; set; }

    [Display(Name = "Job family")]
    public string? JobFamily { get; set; }

    [Display(Name = "NJC grade")]
    public string? NjcGrade { get; set; }

    public string? SalaryMinimum { get; set; }
    public string? SalaryMaximum { get; set; }

    [Display(Name = "Registration")]
    public string? RequiredRegistration { get; set; }

    [Display(Name = "DfE role type")]
    public string? DfeRoleType { get; set; }

    [Display(Name = "DBS check")]
    public string? RequiredDbsLevel { get; set; }

    [Display(Name = "Interim")]
    public bool IsInterim { get; set; }

    public JobRoleInput Read(ModelStateDictionary modelState) => new(
        Title,
        FormReading.Choice<JobFamily>(JobFamily),
        NjcGrade,
        modelState.Number("Input.SalaryMinimum", SalaryMinimum, "The lowest salary"),
        modelState.Number("Input.SalaryMaximum", SalaryMaximum, "The highest salary"),
        FormReading.Choice<RegistrationBody>(RequiredRegistration),
        modelState.OptionalChoice<Domain.JobRoles.DfeRoleType>("Input.DfeRoleType", DfeRoleType, "Select a DfE role type from the list, or none"),
        IsInterim,
        modelState.OptionalChoice<Domain.Workers.DbsLevel>("Input.RequiredDbsLevel", RequiredDbsLevel, "Select the DBS check the work needs from the list, or none stated"));

    public static JobRoleForm From(JobRoleRow role)
    {
        ArgumentNullException.ThrowIfNull(role);
        return new JobRoleForm
        {
            Title = role.Title,
            JobFamily = role.JobFamily.ToString(),
            NjcGrade = role.NjcGrade,
            SalaryMinimum = role.PermanentSalaryMinimum.ToString(role.PermanentSalaryMinimum == decimal.Truncate(role.PermanentSalaryMinimum) ? "0" : "0.00", CultureInfo.InvariantCulture),
            SalaryMaximum = role.PermanentSalaryMaximum.ToString(role.PermanentSalaryMaximum == decimal.Truncate(role.PermanentSalaryMaximum) ? "0" : "0.00", CultureInfo.InvariantCulture),
            RequiredRegistration = role.RequiredRegistration.ToString(),
            DfeRoleType = role.DfeRoleType?.ToString(),
            IsInterim = role.IsInterim,
            RequiredDbsLevel = role.RequiredDbsLevel?.ToString(),
        };
    }
}
