using System.Globalization;

namespace Connect2Luton.Infrastructure.Policies;

/// <summary>
/// Characters in a rule file's text that print as nothing or change how the text around them shows: control
/// characters other than line breaks and tabs (a null, a bell), and Unicode format characters (a right-to-left
/// override, a zero-width space, a soft hyphen).
/// </summary>
internal static class HiddenCharacters
{
    /// <summary>The first such character in <paramref name="text"/>, described for a problem ("a hidden character (U+202E)"); null if none.</summary>
    public static string? In(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var c in text)
        {
            if (c is '\r' or '\n' or '\t') continue;
            if (char.IsControl(c) || char.GetUnicodeCategory(c) == UnicodeCategory.Format)
                return string.Create(CultureInfo.InvariantCulture, $"a hidden character (U+{(int)c:X4})");
        }
        return null;
    }
}
