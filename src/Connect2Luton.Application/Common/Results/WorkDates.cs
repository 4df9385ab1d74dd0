namespace Connect2Luton.Application.Common.Results;

/// <summary>
/// The dates of a stretch of work as a requisition asks for it and a booking makes it, checked one way: the start no
/// more than 2 weeks ago and within a year, the end on or after the start and within 2 years of it.
/// </summary>
public static class WorkDates
{
    public static void CheckWorkDates(this FieldErrors errors, string startField, DateOnly? start, string endField, DateOnly? end, DateOnly today, string endName)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (start is not { } from) errors.Add(startField, "Enter the start date");
        else if (from < today.AddDays(-14)) errors.Add(startField, "The start date must be no more than 2 weeks ago");
        else if (from > today.AddYears(1)) errors.Add(startField, "The start date must be within a year");
        if (end is not { } to) errors.Add(endField, $"Enter the {endName}");
        else if (start is { } first && to < first) errors.Add(endField, $"The {endName} must be the same as or after the start date");
        else if (start is { } begins && to > begins.AddYears(2)) errors.Add(endField, $"The {endName} must be within 2 years of the start");
    }

    /// <summary>
    /// The dates of a placement already running when it is brought in from another system: it may have started any
    /// time before, or start within a year; it must not have ended (a placement that has ended is not live), and runs
    /// at most 2 years from its start, as a booking does.
    /// </summary>
    public static void CheckLiveDates(this FieldErrors errors, string startField, DateOnly? start, string endField, DateOnly? end, DateOnly today, string endName)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (start is not { } from) errors.Add(startField, "Enter the start date");
        else if (from > today.AddYears(1)) errors.Add(startField, "The start date must be within a year");
        if (end is not { } to) errors.Add(endField, $"Enter the {endName}");
        else if (start is { } first && to < first) errors.Add(endField, $"The {endName} must be the same as or after the start date");
        else if (to < today) errors.Add(endField, $"The {endName} has passed, so this placement is not live: leave it out of the file");
        else if (start is { } begins && to > begins.AddYears(2)) errors.Add(endField, $"The {endName} must be within 2 years of the start");
    }
}
