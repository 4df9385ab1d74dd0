using System.ComponentModel.DataAnnotations;
using Connect2Luton.Application.Requisitions;
using Connect2Luton.Domain.Requisitions;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Connect2Luton.Web.Forms;

/// <summary>The requisition form as posted: numbers and dates as typed, read into the use case's input with messages at each field.</summary>
public sealed class RequisitionForm
{
    // Choices are read as text too: a tampered value is "nothing chosen", with the form's own message, not the binder's.
    [Display(Name = "Service area")]
    public string? ServiceAreaId { get; set; }

    [Display(Name = "Job role")]
    public string? JobRoleId { get; set; }

    [Display(Name = "Hiring manager")]
    public string? HiringManagerId { get; set; }

    public string? Title { get; set; }
    public string? Reason { get; set; }
    public string? Description { get; set; }
    public string? WeeklyHours { get; set; }
    public DateInput StartDate { get; set; } = new();
    public DateInput EndDate { get; set; } = new();
    public string? MaximumPayRate { get; set; }
    public string? Positions { get; set; } = "1";
    [Display(Name = "Project team")]
    public bool IsProjectTeam { get; set; }

    public RequisitionInput Read(ModelStateDictionary modelState) => new(
        FormReading.Choice(ServiceAreaId),
        FormReading.Choice(JobRoleId),
        FormReading.Choice(HiringManagerId),
        Title,
        FormReading.Choice<RequisitionReason>(Reason),
        Description,
        modelState.Number("Input.WeeklyHours", WeeklyHours, "Weekly hours"),
        modelState.Date("Input.StartDate", StartDate, "The start date"),
        modelState.Date("Input.EndDate", EndDate, "The end date"),
        modelState.Number("Input.MaximumPayRate", MaximumPayRate, "The maximum pay rate"),
        modelState.Whole("Input.Positions", Positions, "The number of workers"),
        IsProjectTeam);

    public static RequisitionForm From(RequisitionView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return new RequisitionForm
        {
            ServiceAreaId = view.ServiceAreaId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            JobRoleId = view.JobRoleId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            HiringManagerId = view.HiringManagerId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Title = view.Title,
            Reason = view.Reason.ToString(),
            Description = view.Description,
            WeeklyHours = view.WeeklyHours.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture),
            StartDate = DateInput.From(view.StartDate),
            EndDate = DateInput.From(view.EndDate),
            MaximumPayRate = view.MaximumPayRate.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture),
            Positions = view.Positions.ToString(System.Globalization.CultureInfo.InvariantCulture),
            IsProjectTeam = view.IsProjectTeam,
        };
    }
}
