using Connect2Luton.Domain.Workers;

namespace Connect2Luton.Domain.Placements;

/// <summary>A stretch of work in one role with the council: a placement, through whichever agency.</summary>
public sealed record AwrAssignment(int JobRoleId, DateOnly Start, DateOnly End);

/// <summary>A recorded break in work and its reason.</summary>
public sealed record AwrBreak(DateOnly From, DateOnly To, BreakReason Reason);

/// <summary>
/// What the placement-length rules say about breaks: how long a break for any reason may last and only pause the
/// clock, how long sickness and jury service may, which reasons pause it however long, and which let it go on
/// counting as if the worker were at work.
/// </summary>
public sealed record AwrBreakRules(
    int LongestBreakWeeks,
    int LongestSicknessBreakWeeks,
    IReadOnlySet<BreakReason> LimitedPausingReasons,
    IReadOnlySet<BreakReason> PausingReasons,
    IReadOnlySet<BreakReason> CountingReasons);

/// <summary>Where a worker's clock stands in one role on a day.</summary>
/// <param name="Weeks">Qualifying weeks completed.</param>
/// <param name="CountingFrom">The first day of the run of work being counted; null when there is none.</param>
/// <param name="Paused">The worker is not working in the role today, but the break so far only pauses the clock.</param>
public sealed record AwrPosition(int Weeks, DateOnly? CountingFrom, bool Paused);

/// <summary>
/// The 12-week clock of the Agency Workers Regulations 2010 (regulation 7), per worker, per role, with the council
/// as the one hirer, across placements and agencies. Weeks are calendar weeks of seven days from the first day of
/// the run being counted; any work in a week makes it a qualifying week once it is over. Weeks without work are a
/// break: a break no longer than the rules' longest break, or made up wholly of recorded reasons that pause the
/// clock (each within its limit), pauses it; anything else, or starting work in a different role, resets it.
/// Weeks of recorded pregnancy, maternity and family leave count as if worked. The numbers and which reason does
/// what come from the rules (<see cref="AwrBreakRules"/>).
/// </summary>
public static class AwrClock
{
    private enum Week
    {
        Worked,
        AnotherRole,
        Break,
    }

    /// <summary>The clock in <paramref name="jobRoleId"/> on <paramref name="asOf"/>, from all the worker's placements and recorded breaks.</summary>
    public static AwrPosition On(IEnumerable<AwrAssignment> assignments, IEnumerable<AwrBreak> breaks, int jobRoleId, DateOnly asOf, AwrBreakRules rules)
    {
        ArgumentNullException.ThrowIfNull(assignments);
        ArgumentNullException.ThrowIfNull(breaks);
        ArgumentNullException.ThrowIfNull(rules);
        // The usual case, a worker's only placement and no recorded breaks, asked for day after day by the nightly
        // look-ahead: answered without gathering lists.
        if (assignments is IReadOnlyList<AwrAssignment> { Count: 1 } only && breaks is IReadOnlyCollection<AwrBreak> { Count: 0 })
        {
            var stretch = only[0];
            return stretch.Start > asOf || stretch.JobRoleId != jobRoleId ? new AwrPosition(0, null, false) : OneStretch(stretch, asOf, rules);
        }
        var work = assignments.Where(a => a.Start <= asOf).ToList();
        var inRole = work.Where(a => a.JobRoleId == jobRoleId).ToList();
        if (inRole.Count == 0) return new AwrPosition(0, null, false);
        var otherRoles = work.Where(a => a.JobRoleId != jobRoleId).ToList();
        var recorded = breaks.ToList();
        if (inRole.Count == 1 && recorded.Count == 0 && otherRoles.All(a => a.End < inRole[0].Start)) return OneStretch(inRole[0], asOf, rules);
        var days = new Calendar(inRole, otherRoles, recorded, rules);

        var from = inRole.Min(a => a.Start);
        var weeks = 0;
        var gap = new List<DateOnly>();
        for (var weekStart = from; weekStart <= asOf; weekStart = weekStart.AddDays(7))
        {
            var last = Min(weekStart.AddDays(6), asOf);
            var week = days.Classify(weekStart, last);
            if (week == Week.Break)
            {
                gap.Add(weekStart);
                continue;
            }
            // Starting a different role resets the clock, and so does coming back after a break that does not pause it.
            var resets = week == Week.AnotherRole || (gap.Count > 0 && !days.OnlyPauses(gap, weekStart.AddDays(-1)));
            gap.Clear();
            if (resets)
            {
                // The count starts again from the first day back in the role, on a new week grid.
                var back = days.FirstDayInRole(weekStart, asOf);
                if (back is null) return new AwrPosition(0, null, false);
                from = back.Value;
                weeks = 0;
                weekStart = from.AddDays(-7);
                continue;
            }
            if (last == weekStart.AddDays(6)) weeks++;
        }
        if (gap.Count == 0) return new AwrPosition(weeks, from, false);
        // Not at work in the role now: paused while the break so far is one that pauses; reset once it is not.
        return days.OnlyPauses(gap, asOf) ? new AwrPosition(weeks, from, true) : new AwrPosition(0, null, false);
    }

    /// <summary>
    /// The usual case, counted rather than walked: one stretch of work in the role, nothing else since it began and
    /// no recorded breaks. The same answer as the week-by-week walk: every week it touches counts once over, and
    /// the weeks after it are a break of that many weeks.
    /// </summary>
    private static AwrPosition OneStretch(AwrAssignment stretch, DateOnly asOf, AwrBreakRules rules)
    {
        var start = stretch.Start;
        if (asOf <= stretch.End) return new AwrPosition(PlacementCalendar.CompletedWeeks(start, asOf), start, false);
        var lastWorkedWeek = (stretch.End.DayNumber - start.DayNumber) / 7;
        var weeks = start.AddDays(7 * lastWorkedWeek + 6) <= asOf ? lastWorkedWeek + 1 : lastWorkedWeek;
        var firstIdleWeek = start.AddDays(7 * (lastWorkedWeek + 1));
        var idleWeeks = asOf < firstIdleWeek ? 0 : (asOf.DayNumber - firstIdleWeek.DayNumber) / 7 + 1;
        if (idleWeeks == 0) return new AwrPosition(weeks, start, false);
        return idleWeeks <= rules.LongestBreakWeeks ? new AwrPosition(weeks, start, true) : new AwrPosition(0, null, false);
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    /// <summary>What each day was: worked in the role, worked in another, or a break and why.</summary>
    private sealed class Calendar(List<AwrAssignment> inRole, List<AwrAssignment> otherRoles, List<AwrBreak> breaks, AwrBreakRules rules)
    {
        // Worked out on stretches of days, not day by day: a night runs this for every live placement.
        public Week Classify(DateOnly first, DateOnly last)
        {
            foreach (var recorded in breaks)
            {
                if (rules.CountingReasons.Contains(recorded.Reason) && recorded.Overlaps(first, last)) return Week.Worked;
            }
            if (WorksIn(inRole, first, last)) return Week.Worked;
            return WorksIn(otherRoles, first, last) ? Week.AnotherRole : Week.Break;
        }

        /// <summary>Some day from first to last falls in one of the assignments and in no recorded break.</summary>
        private bool WorksIn(List<AwrAssignment> assignments, DateOnly first, DateOnly last)
        {
            foreach (var assignment in assignments)
            {
                var from = Max(assignment.Start, first);
                var to = Min(assignment.End, last);
                if (from <= to && !CoveredByBreaks(from, to)) return true;
            }
            return false;
        }

        private bool CoveredByBreaks(DateOnly from, DateOnly to)
        {
            var day = from;
            while (true)
            {
                var covering = breaks.FirstOrDefault(b => b.From <= day && day <= b.To);
                if (covering is null) return false;
                if (covering.To >= to) return true;
                day = covering.To.AddDays(1);
            }
        }

        /// <summary>
        /// Whether a break (the weeks given, up to <paramref name="lastDay"/>) only pauses the clock: it is no longer
        /// than the longest break for any reason, or every day of it is covered by reasons that pause, with sickness
        /// and jury service each within their own limit.
        /// </summary>
        public bool OnlyPauses(List<DateOnly> weeks, DateOnly lastDay)
        {
            if (weeks.Count <= rules.LongestBreakWeeks) return true;
            var first = weeks[0];
            for (var day = first; day <= lastDay; day = day.AddDays(1))
            {
                if (BreakOn(day) is not { } why) return false;
                if (!rules.PausingReasons.Contains(why) && !rules.LimitedPausingReasons.Contains(why) && !rules.CountingReasons.Contains(why)) return false;
            }
            // Sickness and jury service pause only up to their limit, counted over the whole absence so far.
            var limit = rules.LongestSicknessBreakWeeks * 7;
            return !breaks.Any(b => rules.LimitedPausingReasons.Contains(b.Reason) && b.Overlaps(first, lastDay) && DaysSoFar(b, lastDay) > limit);
        }

        public DateOnly? FirstDayInRole(DateOnly from, DateOnly asOf)
        {
            for (var day = from; day <= asOf; day = day.AddDays(1))
            {
                if (BreakOn(day) is null && inRole.Any(a => a.Start <= day && day <= a.End)) return day;
            }
            return null;
        }

        private BreakReason? BreakOn(DateOnly day)
        {
            foreach (var recorded in breaks)
            {
                if (recorded.From <= day && day <= recorded.To) return recorded.Reason;
            }
            return null;
        }

        private static int DaysSoFar(AwrBreak recorded, DateOnly lastDay) => Min(recorded.To, lastDay).DayNumber - recorded.From.DayNumber + 1;
    }

    private static bool Overlaps(this AwrBreak recorded, DateOnly from, DateOnly to) => recorded.From <= to && from <= recorded.To;
}
