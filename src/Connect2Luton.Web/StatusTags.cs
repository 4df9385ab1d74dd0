using Connect2Luton.Domain.Placements;
using Connect2Luton.Domain.Requisitions;

namespace Connect2Luton.Web;

/// <summary>The GOV.UK tag colour and wording for each status, so a status reads the same on every page.</summary>
public static class StatusTags
{
    public static (string Text, string Class) For(RequisitionStatus status) => status switch
    {
        RequisitionStatus.Draft => ("Draft", "govuk-tag--grey"),
        RequisitionStatus.Submitted => ("Awaiting approval", "govuk-tag--yellow"),
        RequisitionStatus.Approved => ("Approved", "govuk-tag--turquoise"),
        RequisitionStatus.Rejected => ("Rejected", "govuk-tag--red"),
        RequisitionStatus.Open => ("Open", "govuk-tag--blue"),
        RequisitionStatus.Filled => ("Filled", "govuk-tag--green"),
        RequisitionStatus.Cancelled => ("Cancelled", "govuk-tag--grey"),
        _ => (status.ToString(), string.Empty),
    };

    public static (string Text, string Class) For(PlacementStatus status, DateOnly start, DateOnly today) => status switch
    {
        PlacementStatus.Active when start > today => ("Booked", "govuk-tag--turquoise"),
        PlacementStatus.Active => ("In post", "govuk-tag--blue"),
        PlacementStatus.Ended => ("Ended", "govuk-tag--grey"),
        PlacementStatus.Converted => ("Converted", "govuk-tag--green"),
        PlacementStatus.Cancelled => ("Cancelled", "govuk-tag--grey"),
        PlacementStatus.AwaitingSignOff => ("Waiting for sign-off", "govuk-tag--yellow"),
        _ => (status.ToString(), string.Empty),
    };

    /// <summary>
    /// A preference tier's colour. Tiers are named in the preference rules, so one the page does not know reads
    /// in grey rather than failing.
    /// </summary>
    public static string ForTier(string tier) => tier switch
    {
        "Local" => "govuk-tag--green",
        "Neighbouring" => "govuk-tag--turquoise",
        "Ineligible" => "govuk-tag--red",
        _ => "govuk-tag--grey",
    };
}
