using System.Globalization;
using Connect2Luton.Application.Placements.Booking;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Connect2Luton.Web.Forms;

/// <summary>The booking form as posted: money, hours and dates as typed, read with messages at each field.</summary>
public sealed class PlacementForm
{
    public string? PayRate { get; set; }
    public string? WeeklyHours { get; set; }
    public DateInput StartDate { get; set; } = new();
    public DateInput EndDate { get; set; } = new();
    public string? CapReason { get; set; }

    public PlacementProposalInput Read(int requisitionId, int workerId, ModelStateDictionary modelState) => new(
        requisitionId,
        workerId,
        modelState.Number("Input.PayRate", PayRate, "The pay rate"),
        modelState.Number("Input.WeeklyHours", WeeklyHours, "Weekly hours"),
        modelState.Date("Input.StartDate", StartDate, "The start date"),
        modelState.Date("Input.EndDate", EndDate, "The planned end date"),
        CapReason);

    /// <summary>The requisition's own terms, as a starting point the recruiter changes.</summary>
    public static PlacementForm From(PlacementProposalView proposal, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        var start = proposal.RequisitionStart < today ? today : proposal.RequisitionStart;
        return new PlacementForm
        {
            WeeklyHours = proposal.RequisitionWeeklyHours.ToString("0.##", CultureInfo.InvariantCulture),
            StartDate = DateInput.From(start),
            EndDate = DateInput.From(proposal.RequisitionEnd < start ? start : proposal.RequisitionEnd),
        };
    }
}
