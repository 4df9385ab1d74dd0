using System.ComponentModel.DataAnnotations;
using Connect2Luton.Application.Requisitions;
using Connect2Luton.Domain.Requisitions;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Connect2Luton.Web.Forms;

/// <summary>The requisition form as posted: numbers and dates as typed, read into the use case's input with messages at each field.</summary>
public sealed class RequisitionForm
{
    [Display(Name = "Service area")]
    public int? ServiceAreaId { get; set; }

    [Display(Name = "Job role")]
    public int? JobRoleId { get; set; }

    [Display(Name = "Hiring manager")]
    public int? HiringManagerId { get; set; }

    public string? Title { get; set; }
    public RequisitionReason? Reason { get; set; }
    public string? Description { get; set; }
    public string? WeeklyHours { get; set; }
    public DateInput StartDate { get; set; } = new();
    public DateInput EndDate { get; set; } = new();
    public string? MaximumPayRate { get; set; }
    public string? Positions { get; set; } = "1";
    public bool IsProjectTeam { get; set; }

    public RequisitionInput Read(ModelStateDictionary modelState) => new(
        ServiceAreaId,
        JobRoleId,
        HiringManagerId,
        Title,
        Reason,
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
            ServiceAreaId = view.ServiceAreaId,
            JobRoleId = view.JobRoleId,
            HiringManagerId = view.HiringManagerId,
            Title = view.Title,
            Reason = view.Reason,
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
