using System.Globalization;
using System.Text;

namespace Connect2Luton.Application.Policies;

/// <summary>
/// Characters in a rule file's text that print as nothing or change how the text around them shows: control
/// characters other than line breaks and tabs (a null, a bell), Unicode format characters (a right-to-left
/// override, a zero-width space, a soft hyphen) and blank letters (U+3164, U+2800).
/// </summary>
public static class HiddenCharacters
{
    /// <summary>
    /// The first such character in <paramref name="text"/>, described for a problem ("a hidden character (U+202E)");
    /// null if none. A control character is not named by its code: a null typed into a form arrives as U+0001 (see
    /// the web's NullCharacters), so its code would name a character nobody typed.
    /// </summary>
    public static string? In(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var c in text)
        {
            if (!IsHidden(c)) continue;
            return char.IsControl(c) ? "a hidden control character" : string.Create(CultureInfo.InvariantCulture, $"a hidden character (U+{(int)c:X4})");
        }
        return null;
    }

    /// <summary>
    /// <paramref name="text"/> with each such character written out where it was ("[U+202E]", "[control character]"),
    /// so a problem quoting text from the file shows what is there rather than running the override on the page.
    /// </summary>
    public static string Shown(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Any(IsHidden)) return text;
        var shown = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (!IsHidden(c)) shown.Append(c);
            else if (char.IsControl(c)) shown.Append("[control character]");
            else shown.Append(CultureInfo.InvariantCulture, $"[U+{(int)c:X4}]");
        }
        return shown.ToString();
    }

    // The blank "letters" some scripts have (Hangul fillers, the braille blank) print as nothing too: an approver or a
    // test case named with one shows as a blank.
    private static bool IsHidden(char c) =>
        c is not ('\r' or '\n' or '\t') && (char.IsControl(c) || char.GetUnicodeCategory(c) == UnicodeCategory.Format
            || Common.Results.FieldErrors.IsBlankLetter(c));
}
