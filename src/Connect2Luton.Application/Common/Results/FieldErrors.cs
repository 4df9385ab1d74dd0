using System.Globalization;

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
        if (value.Any(Hidden)) Add(field, $"{what} must not contain hidden characters");
        else if (!value.Any(char.IsLetterOrDigit)) Add(field, $"{what} must have letters or numbers in it");
    }

    // Characters that print as nothing: format marks (zero-width spaces, joiners, direction marks, soft hyphens),
    // unpaired halves of characters, private use, and the blank "letters" some scripts have.
    private static bool Hidden(char c) =>
        char.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse
            or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Control
        || c is '\u2800' or '\u3164' or '\u115F' or '\u1160' or '\uFFA0' or '\u034F';

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
