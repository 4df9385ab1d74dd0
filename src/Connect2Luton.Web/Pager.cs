using Microsoft.AspNetCore.WebUtilities;

namespace Connect2Luton.Web;

/// <summary>What the GOV.UK pagination partial needs: where we are, how far it goes, and the filters to keep.</summary>
public sealed record Pager(int Page, int PageCount, int TotalCount, string Path, IReadOnlyDictionary<string, string?> Filters)
{
    public string Href(int page) =>
        QueryHelpers.AddQueryString(Path, Filters.Where(f => !string.IsNullOrEmpty(f.Value)).Append(new("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture))));

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
