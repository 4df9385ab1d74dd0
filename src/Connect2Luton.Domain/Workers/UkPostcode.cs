using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using Connect2Luton.Domain.Common;

namespace Connect2Luton.Domain.Workers;

/// <summary>
/// A full UK postcode in its normal written form ("LU1 3JH"). The format follows the government data standard
/// for postcodes; whether a postcode counts as local is policy and lives in the rules, not here.
/// </summary>
public sealed partial record UkPostcode
{
    private UkPostcode(string value)
    {
        Value = value;
        District = value[..value.IndexOf(' ', StringComparison.Ordinal)];
    }

    /// <summary>The postcode with one space before the inward code, upper case.</summary>
    public string Value { get; }

    /// <summary>The outward code (postcode district): LU1 for LU1 3JH.</summary>
    public string District { get; }

    public static bool TryParse(string? text, [NotNullWhen(true)] out UkPostcode? postcode)
    {
        postcode = null;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 16) return false;
        // Any space as typed or pasted (a no-break space from a web page or a document, a tab from a spreadsheet).
        var compact = string.Concat(text.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();
        if (!Format().IsMatch(compact)) return false;
        postcode = new UkPostcode($"{compact[..^3]} {compact[^3..]}");
        return true;
    }

    public static UkPostcode Parse(string? text) =>
        TryParse(text, out var postcode)
            ? postcode
            : throw new DomainRuleException($"'{text}' is not a full UK postcode.");

    public override string ToString() => Value;

    // Outward code: area (1-2 letters), district (digit plus optional digit or letter); inward: digit and two letters.
    // Inward letters never include C, I, K, M, O or V. GIR 0AA is the one historic exception.
    [GeneratedRegex("^(?:[A-PR-UWYZ][A-HK-Y]?[0-9][A-Z0-9]?[0-9][ABD-HJLNP-UW-Z]{2}|GIR0AA)$", RegexOptions.CultureInvariant)]
    private static partial Regex Format();
}
