namespace Connect2Luton.Application.Common.Specifications;

/// <summary>One page of a list, with the total the criteria match so a page can offer the rest.</summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount)
{
    public int PageCount => TotalCount == 0 ? 1 : (TotalCount + PageSize - 1) / PageSize;
    public bool HasPrevious => Page > 1;
    public bool HasNext => Page < PageCount;

    /// <summary>The same page with each row turned into what the page shows.</summary>
    public PagedResult<TOther> Map<TOther>(Func<T, TOther> map) => new(Items.Select(map).ToList(), Page, PageSize, TotalCount);
}

/// <summary>A page asked for by a user: out-of-range numbers are brought back in range rather than refused.</summary>
public sealed record PageRequest
{
    public const int DefaultSize = 25;
    public const int MaximumSize = 100;

    // Past this, the rows to skip would not fit in a whole number (page 99,999,999 of 25 overflowed into a negative skip).
    public const int MaximumPage = int.MaxValue / MaximumSize;

    public PageRequest(int page, int size = DefaultSize)
    {
        Page = Math.Clamp(page, 1, MaximumPage);
        Size = Math.Clamp(size, 1, MaximumSize);
    }

    public int Page { get; }
    public int Size { get; }
    public int Skip => (Page - 1) * Size;

    /// <summary>This page, or the last page of <paramref name="total"/> rows where it is past the end (a number typed too high).</summary>
    public PageRequest Within(int total)
    {
        var last = total == 0 ? 1 : (total + Size - 1) / Size;
        return Page <= last ? this : new PageRequest(last, Size);
    }

    /// <summary>
    /// How to count to this page over <paramref name="total"/> rows: from the top, or (where the end is nearer) in
    /// the reverse order, skipping the rows after the page and taking what is left of it (the last page may be
    /// short); the rows read backwards are turned round by the caller.
    /// </summary>
    public (int Skip, int Take, bool Backwards) FromNearerEnd(int total)
    {
        var fromEnd = total - Skip - Size;
        return fromEnd < Skip && Skip < total ? (Math.Max(fromEnd, 0), Size + Math.Min(fromEnd, 0), true) : (Skip, Size, false);
    }
}
