using System.Text.RegularExpressions;

namespace Connect2Luton.Application.Common.Validation;

/// <summary>Formats people type into forms, checked the same way wherever they are typed.</summary>
public static partial class TextFormats
{
    /// <summary>
    /// An email address as people type them and mail takes them: one @, no spaces or markup characters, no dot at either
    /// end of the part before the @ or two together, and a domain of dotted labels (letters, digits, inner hyphens, up to
    /// 63 characters each) ending in a name of letters.
    /// </summary>
    public static bool IsEmail(string? text) =>
        // ASCII only: a council's addresses need nothing more, and look-alike letters (a dotless ı, a long ſ) would
        // otherwise make a second address that reads as the first.
        text is { Length: > 0 and <= 254 } && System.Text.Ascii.IsValid(text.Trim()) && !text.Any(char.IsControl) && Email().IsMatch(text.Trim());

    /// <summary>
    /// A name or title as it is kept: on one line, every run of spaces, tabs, line breaks or no-break spaces made one
    /// space, and none at either end, so two that read the same are the same text. Null stays null.
    /// </summary>
    public static string? OneLine(string? text) => text is null ? null : Spaces().Replace(text, " ").Trim();

    /// <summary>A number whose commas all stand between thousands: "39,027" and "1,250.50", not "8,5" or "1,2,3".</summary>
    public static bool IsGroupedInThousands(string text) => Thousands().IsMatch(text);

    [GeneratedRegex(@"^-?[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Thousands();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();

    /// <summary>A UK phone number: 10 or 11 digits starting 0, or +44 and 9 or 10 more; spaces allowed.</summary>
    public static bool IsUkPhone(string? text) => !string.IsNullOrWhiteSpace(text) && UkPhone().IsMatch(text.Trim());

    [GeneratedRegex(@"^(?:0[0-9](?: ?[0-9]){8,9}|\+44 ?[0-9](?: ?[0-9]){8,9})$", RegexOptions.CultureInvariant)]
    private static partial Regex UkPhone();

    [GeneratedRegex(@"^[^\s@<>()\[\]\\,;:""'.]+(?:\.[^\s@<>()\[\]\\,;:""'.]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex Email();
}
