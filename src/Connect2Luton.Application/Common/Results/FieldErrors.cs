using System.Globalization;
using System.Text;

namespace Connect2Luton.Application.Common.Results;

/// <summary>
/// Collects what is wrong with a command, one message per field (the first found), in the words GOV.UK forms
/// use. Checks here are the ones a user can fail; the entities still guard their invariants behind them.
/// </summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, string> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public IReadOnlyDictionary<string, string> All => _errors;

    public void Add(string field, string message) => _errors.TryAdd(field, message);

    public bool Has(string field) => _errors.ContainsKey(field);

    public void Required(string field, string? value, string message)
    {
        if (string.IsNullOrWhiteSpace(value)) Add(field, message);
    }

    /// <summary>Free text people type: a length limit, and no markup, so it can never turn into a script on a page.</summary>
    public void Text(string field, string? value, int maximum, string what)
    {
        if (value is null) return;
        if (value.Length > maximum) Add(field, $"{what} must be {maximum.ToString("N0", CultureInfo.InvariantCulture)} characters or fewer");
        else if (value.IndexOfAny(['<', '>']) >= 0) Add(field, $"{what} must not contain < or >");
        else if (value.Any(c => char.IsControl(c) && c is not '\r' and not '\n' and not '\t')) Add(field, $"{what} must not contain hidden control characters");
        // A right-to-left override or a zero-width space shows text other than what was typed (reversed, or two
        // look-alike names): invisible formatting characters are refused as control characters are.
        else if (value.Any(c => char.GetUnicodeCategory(c) == UnicodeCategory.Format)) Add(field, $"{what} must not contain hidden characters");
    }

    /// <summary>
    /// A name people pick from lists (a service, an agency, a role, a person): free text as <see cref="Text"/>, with
    /// something to read in it and nothing hidden, so no two names look alike and none shows as a blank.
    /// </summary>
    public void Name(string field, string? value, int maximum, string what)
    {
        Text(field, value, maximum, what);
        if (value is null || Has(field) || string.IsNullOrWhiteSpace(value)) return;
        if (HasHidden(value)) Add(field, $"{what} must not contain hidden characters");
        else if (!value.Any(char.IsLetterOrDigit)) Add(field, $"{what} must have letters or numbers in it");
    }

    /// <summary>
    /// Whether <paramref name="value"/> has a character that prints as nothing: format marks (zero-width spaces,
    /// joiners, direction marks, soft hyphens), an unpaired half of a character, private use, and the blank "letters"
    /// some scripts have. A character outside the Basic Multilingual Plane (𠮷, written as a pair of halves) is read
    /// whole, so a real name in it is not refused.
    /// </summary>
    public static bool HasHidden(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        for (var i = 0; i < value.Length;)
        {
            if (Rune.DecodeFromUtf16(value.AsSpan(i), out var rune, out var used) != System.Buffers.OperationStatus.Done) return true;
            if (Hidden(rune)) return true;
            i += used;
        }
        return false;
    }

    private static bool Hidden(Rune rune) =>
        Rune.GetUnicodeCategory(rune) is UnicodeCategory.Format or UnicodeCategory.PrivateUse
            or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Control
        || IsBlankLetter(rune.Value);

    /// <summary>The blank "letters" some scripts have (Hangul fillers, the braille blank), which print as nothing.</summary>
    internal static bool IsBlankLetter(int codePoint) => codePoint is 0x2800 or 0x3164 or 0x115F or 0x1160 or 0xFFA0 or 0x034F;

    public void Range(string field, decimal value, decimal minimum, decimal maximum, string message)
    {
        if (value < minimum || value > maximum) Add(field, message);
    }

    public void Range(string field, int value, int minimum, int maximum, string message)
    {
        if (value < minimum || value > maximum) Add(field, message);
    }

    public void Money(string field, decimal value, decimal maximum, string what)
    {
        if (value <= 0) Add(field, $"{what} must be more than £0");
        else if (value > maximum) Add(field, $"{what} must be £{maximum.ToString("N2", CultureInfo.InvariantCulture)} or less");
        else if (decimal.Round(value, 2) != value) Add(field, $"{what} must be in pounds and pence, like 32.50");
    }

    /// <summary>A figure typed with no more decimal places than are kept, so nothing typed is silently rounded away.</summary>
    public void Places(string field, decimal value, int places, string message)
    {
        if (decimal.Round(value, places) != value) Add(field, message);
    }

    public CommandResult ToResult() => CommandResult.Invalid(_errors);
}
