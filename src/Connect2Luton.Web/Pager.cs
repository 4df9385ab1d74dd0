using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace Connect2Luton.Web;

/// <summary>
/// What the GOV.UK pagination partial needs: where we are, how far it goes, and the filters to keep. A list read
/// by keyset gives the edges of this page, which the links to the pages either side carry, so those are read from
/// here rather than counted to from the top.
/// </summary>
public sealed record Pager(int Page, int PageCount, int TotalCount, string Path, IReadOnlyDictionary<string, string?> Filters)
{
    /// <summary>This page's last row, for the link to the next page.</summary>
    public string? LastRow { get; init; }

    /// <summary>This page's first row, for the link to the page before.</summary>
    public string? FirstRow { get; init; }

    /// <summary>Who the list is for (the signed-in user): what a list holds depends on who reads it, so an edge is theirs alone.</summary>
    public string? Audience { get; init; }

    /// <summary>The address's name for the page number: a page with two paged tables names each its own.</summary>
    public string Key { get; init; } = "page";

    /// <summary>What the pagination is read out as, where a page has more than one.</summary>
    public string Label { get; init; } = "Pages";

    /// <summary>One page of rows already in memory (a report's table), with a pager for it; a number past the end is the last page.</summary>
    public static (IReadOnlyList<T> Rows, Pager Pager) Of<T>(IReadOnlyList<T> all, int page, int size, string path, IReadOnlyDictionary<string, string?> filters)
    {
        ArgumentNullException.ThrowIfNull(all);
        var request = new Application.Common.Specifications.PageRequest(page, size).Within(all.Count);
        var rows = all.Skip(request.Skip).Take(request.Size).ToList();
        var pageCount = all.Count == 0 ? 1 : (all.Count + request.Size - 1) / request.Size;
        return (rows, new Pager(request.Page, pageCount, all.Count, path, filters));
    }

    public string Href(int page)
    {
        var query = Filters.Where(f => !string.IsNullOrEmpty(f.Value) && f.Key != Key).Append(new(Key, page.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (page == Page + 1 && LastRow is not null) query = query.Append(new("after", Edge(page, LastRow)));
        else if (page == Page - 1 && page > 1 && FirstRow is not null) query = query.Append(new("before", Edge(page, FirstRow)));
        return QueryHelpers.AddQueryString(Path, query);
    }

    /// <summary>
    /// The edge row in a link, where the link is to <paramref name="page"/> of this list (its address, filters and
    /// reader). An edge names the page it leads to and is sealed with the list it came from, so one kept with a page
    /// number edited by hand, moved to another filter or another person, or written by hand, is ignored and that page
    /// counted to: the rows after an edge are only that page's rows on the list that gave it.
    /// </summary>
    public static string? EdgeFor(string? text, int page, string path, IReadOnlyDictionary<string, string?> filters, string? audience) =>
        text?.Split('~') is [var to, var row, var seal] && to == page.ToString(System.Globalization.CultureInfo.InvariantCulture)
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(seal), Encoding.ASCII.GetBytes(EdgeSeal.Of(path, filters, audience, page, row)))
            ? row
            : null;

    private string Edge(int page, string row) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{page}~{row}~{EdgeSeal.Of(Path, Filters, Audience, page, row)}");

    /// <summary>
    /// A keyed hash of an edge with the list it belongs to. The key is this process's own: after a restart, or on
    /// another node, an edge is not recognised and the page is counted to instead, which shows the same rows.
    /// </summary>
    private static class EdgeSeal
    {
        private static readonly byte[] Key = RandomNumberGenerator.GetBytes(32);

        public static string Of(string path, IReadOnlyDictionary<string, string?> filters, string? audience, int page, string row)
        {
            var list = string.Join("&", filters.Where(f => !string.IsNullOrEmpty(f.Value)).OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}={f.Value}"));
            var text = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{path}\n{audience}\n{list}\n{page}\n{row}");
            return WebEncoders.Base64UrlEncode(HMACSHA256.HashData(Key, Encoding.UTF8.GetBytes(text)).AsSpan(0, 12));
        }
    }

    /// <summary>The page numbers to show: the first, the last, and the current one with its neighbours.</summary>
    public IEnumerable<int?> Numbers()
    {
        int? previous = null;
        foreach (var number in Enumerable.Range(1, PageCount).Where(n => n == 1 || n == PageCount || Math.Abs(n - Page) <= 1))
        {
            if (previous is { } p && number - p > 1) yield return null;
            yield return number;
            previous = number;
        }
    }
}
