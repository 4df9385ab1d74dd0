namespace Connect2Luton.Application.Shortlists;

/// <summary>
/// A requisition's order of its job family's pool: those free on its dates and able to be engaged first, then the
/// rest, each keeping its rank, less those already on its list. A page is found by walking the pool from the top
/// rather than by working the requisition's order out whole: the eligible are ranked first, so the first pages are
/// found within a few of their own length, and no save anywhere makes a requisition's next page copy a pool of
/// 200,000 (which it did, 33 to 36 ms after every save, when each requisition's order was kept).
/// </summary>
public static class ShortlistOrder
{
    /// <summary>How many are in the order: the pool less those on the list.</summary>
    public static int Count(RankedPool pool, IReadOnlySet<int> onList)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(onList);
        return pool.Candidates.Count - onList.Count(pool.ById.ContainsKey);
    }

    /// <summary>The <paramref name="take"/> candidates after the first <paramref name="skip"/> in the requisition's order.</summary>
    public static List<PooledCandidate> Page(IReadOnlyList<PooledCandidate> pool, IReadOnlySet<int> onList, IReadOnlySet<int> booked, int skip, int take)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(onList);
        ArgumentNullException.ThrowIfNull(booked);
        var page = new List<PooledCandidate>(take);
        if (take <= 0) return page;

        var free = 0;
        foreach (var candidate in pool)
        {
            if (!candidate.Eligible) break;
            if (onList.Contains(candidate.Row.Id) || booked.Contains(candidate.Row.Id)) continue;
            if (free++ < skip) continue;
            page.Add(candidate);
            if (page.Count == take) return page;
        }

        // Every free candidate has been walked past: the rest follow them, from where this page starts among them.
        var restSkip = Math.Max(0, skip - free);
        var rest = 0;
        foreach (var candidate in pool)
        {
            if (onList.Contains(candidate.Row.Id) || (candidate.Eligible && !booked.Contains(candidate.Row.Id))) continue;
            if (rest++ < restSkip) continue;
            page.Add(candidate);
            if (page.Count == take) break;
        }
        return page;
    }
}
