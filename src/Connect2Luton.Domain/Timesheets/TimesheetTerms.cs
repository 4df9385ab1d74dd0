using Connect2Luton.Domain.JobRoles;

namespace Connect2Luton.Domain.Timesheets;

/// <summary>
/// What the pay-rate rules say about kinds of timesheet hours on a day: what each pays as a share of the hourly rate
/// (standard hours the rate itself), and which job families may claim it (standard hours every one).
/// </summary>
public sealed record TimesheetTerms(
    IReadOnlyDictionary<TimesheetLineType, decimal> PayShares,
    IReadOnlyDictionary<TimesheetLineType, IReadOnlySet<JobFamily>> Families)
{
    public decimal PayShareOf(TimesheetLineType type) => type == TimesheetLineType.Standard ? 1m : PayShares[type];

    public bool Allows(JobFamily family, TimesheetLineType type) =>
        type == TimesheetLineType.Standard || (Families.TryGetValue(type, out var families) && families.Contains(family));

    public IReadOnlySet<TimesheetLineType> AllowedFor(JobFamily family) => Enum.GetValues<TimesheetLineType>().Where(t => Allows(family, t)).ToHashSet();
}
