namespace Connect2Luton.Domain.Timesheets;

/// <summary>Hours of one kind worked on one day, as entered.</summary>
public sealed record TimesheetHours(DateOnly Day, TimesheetLineType Type, decimal Hours);
