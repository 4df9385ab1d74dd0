namespace Connect2Luton.Application.Imports;

/// <summary>
/// A column of a file to import: its heading (as the template writes it), whether every file must have it, what a
/// cell of it takes (said on the page beside the template), and other headings people give it. Headings are matched
/// ignoring case, spaces and punctuation, so "first_name" and "First Name " are "First name".
/// </summary>
public sealed record ImportColumn(string Heading, bool Required, string Takes, params string[] OtherHeadings)
{
    public static string Key(string heading)
    {
        ArgumentNullException.ThrowIfNull(heading);
        return string.Concat(heading.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant));
    }

    internal IEnumerable<string> Keys => OtherHeadings.Prepend(Heading).Select(Key);
}

/// <summary>One row's problem, where a person finds it in their spreadsheet: the row as the spreadsheet numbers it, and the column.</summary>
/// <param name="SpoilsFile">
/// A cell a spreadsheet would run as a formula, or one that runs over lines: the file itself is not fit to take in
/// (whoever made it, or what made it, is not what the council thinks), so none of it is imported until it is corrected.
/// </param>
public sealed record RowProblem(int Row, string Column, string Message, bool SpoilsFile = false);
