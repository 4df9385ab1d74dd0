namespace Connect2Luton.Application.Jobs;

/// <summary>
/// When each live placement is next due a nightly check. A check that decided a placement notes the first day its
/// decision may change if nothing is saved (a week of the AWR clock completed, a month in post, a document's
/// expiry); a night then reviews only the placements that are due, those nothing has been noted for (new, or never
/// reviewed), and those whose placement, worker, worker's other placements or breaks, prompt or requisition reason
/// have been saved since they were last read. Every placement is due again when the rules serving the check or the
/// job roles change, and at least once a fortnight whatever happens, so nothing missed is missed for long.
/// </summary>
public interface INightlyDues
{
    /// <summary>
    /// Starts a run of the check: if what its due days were worked out under (<paramref name="rules"/>, the version
    /// of its rule sets, and the job roles) has changed since the last run, every placement is due.
    /// </summary>
    Task BeginAsync(string check, string rules, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="take"/> ids of live placements due the check on <paramref name="today"/>, after <paramref name="afterId"/>, in order.</summary>
    Task<List<int>> DueAfterAsync(string check, int afterId, DateOnly today, int take, CancellationToken cancellationToken);

    /// <summary>
    /// The moment facts about to be read are taken as read from: a save after it makes its placements due again,
    /// whatever the days noted (a little earlier than now, for saves still committing).
    /// </summary>
    long ReadingFrom();

    /// <summary>
    /// Notes the day each placement reviewed is next due, replacing what was noted; written by the batch's unit of
    /// work with what the check saves.
    /// </summary>
    Task NoteAsync(string check, IReadOnlyDictionary<int, DateOnly> due, long readFrom, CancellationToken cancellationToken);

    /// <summary>After a run: forgets what no longer matters (days gone by, saves older than any day noted).</summary>
    Task TidyAsync(string check, DateOnly today, CancellationToken cancellationToken);
}

/// <summary>The latest day a check looks ahead to: a placement whose decision stands is reviewed again within a fortnight.</summary>
public static class NightlyLookahead
{
    /// <summary>
    /// The last day to look ahead to for a placement: from a week to a week and six days on, by its id, so the
    /// placements whose decisions stand are reviewed a seventh of them a night, not all on one night.
    /// </summary>
    public static DateOnly LastDay(int placementId, DateOnly today) => today.AddDays(7 + placementId % 7);
}
