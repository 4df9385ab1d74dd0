namespace Connect2Luton.Domain.Placements;

/// <summary>The terms a recruiter books a placement on.</summary>
public sealed record PlacementBooking(PlacementRates Rates, decimal WeeklyHours, DateOnly StartDate, DateOnly PlannedEndDate);
