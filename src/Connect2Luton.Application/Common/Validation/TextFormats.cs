using System.Text.RegularExpressions;

namespace Connect2Luton.Application.Common.Validation;

/// <summary>Formats people type into forms, checked the same way wherever they are typed.</summary>
public static partial class TextFormats
{
    /// <summary>An email address as people type them: one @, a dot in the domain, no spaces or markup characters.</summary>
    public static bool IsEmail(string? text) =>
        text is { Length: > 0 and <= 254 } && Email().IsMatch(text.Trim());

    [GeneratedRegex(@"^[^\s@<>()\[\]\\,;:""']+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$", RegexOptions.CultureInvariant)]
    private static partial Regex Email();
}
