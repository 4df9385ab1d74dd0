using System.ComponentModel;

namespace Connect2Luton.Application.Policies;

/// <summary>
/// What the placement-length rules know about a booking, an extension or a live placement. Weeks count any part
/// of a week as a week, as the Agency Workers Regulations do.
/// </summary>
public sealed record PlacementLengthFacts : IDatedFacts
{
    [Description("The day the decision is made for.")]
    public required DateOnly AsOf { get; init; }

    [Description("The role's job family.")]
    [CodedAs(typeof(Domain.JobRoles.JobFamily), "job family")]
    public required string JobFamily { get; init; }

    [Description("The role is an interim (usually management) role.")]
    public required bool IsInterim { get; init; }

    [Description("This is an extension of an existing placement, not a first booking.")]
    public required bool IsExtension { get; init; }

    [Description("The placement's first day.")]
    public required DateOnly StartDate { get; init; }

    [Description("The placement's last day as booked, or as the extension proposes.")]
    public required DateOnly EndDate { get; init; }

    [Description("Weeks from the first day to the last day as booked or proposed.")]
    public required int TotalWeeks { get; init; }

    [Description("Weeks in post so far (0 before the start).")]
    public required int WeeksInPost { get; init; }

    [Description("Whole calendar months in post so far.")]
    public required int MonthsInPost { get; init; }

    [Description("Qualifying weeks toward the Agency Workers Regulations 12-week point, across this worker's placements in the same role with the council.")]
    public required int AwrWeeks { get; init; }

    [Description("A named approver has already agreed that this placement may run past the longest total length.")]
    public required bool ApprovedBeyondLimit { get; init; }
}
