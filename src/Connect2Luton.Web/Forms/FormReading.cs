using System.Globalization;
using Connect2Luton.Application.Common.Results;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Connect2Luton.Web.Forms;

/// <summary>
/// Turns what was typed into values, with GOV.UK messages at the field when it cannot, and puts a use case's
/// refusal on the form: field errors beside their fields, anything else at the top.
/// </summary>
public static class FormReading
{
    private static readonly CultureInfo Uk = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>A number, or null with "Weekly hours must be a number" at the field; empty is null and no error.</summary>
    public static decimal? Number(this ModelStateDictionary modelState, string key, string? text, string what)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        if (string.IsNullOrWhiteSpace(text)) return null;
        // A pound sign in front, and commas between thousands ("£39,027.50"), are how people write money. A comma
        // anywhere else is someone's decimal point ("8,5"): taking it out would read ten times the figure, so it is refused.
        var cleaned = text.Trim();
        if (cleaned.StartsWith('£')) cleaned = cleaned[1..].TrimStart();
        if (cleaned.Contains(',', StringComparison.Ordinal))
        {
            if (!Application.Common.Validation.TextFormats.IsGroupedInThousands(cleaned))
            {
                modelState.AddModelError(key, $"{what} must be a number, with a full stop before any decimals, like 8.5");
                return null;
            }
            cleaned = cleaned.Replace(",", string.Empty, StringComparison.Ordinal);
        }
        if (cleaned.Length <= 20 && decimal.TryParse(cleaned, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, Uk, out var value)) return value;
        modelState.AddModelError(key, $"{what} must be a number");
        return null;
    }

    /// <summary>A percentage as people type it, "8%" or "8" (both 8), or null with a message at the field; empty is null and no error.</summary>
    public static decimal? Percent(this ModelStateDictionary modelState, string key, string? text, string what)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        // A percentage is never money: "£12" as a margin is a mistake to point out, not 12%.
        if (text is not null && text.Contains('£', StringComparison.Ordinal))
        {
            modelState.AddModelError(key, $"{what} must be a percentage, like 8%");
            return null;
        }
        // One percent sign at the end, as people write it: "2.5%%" is a slip to point out, not 2.5%.
        var trimmed = text?.Trim();
        return modelState.Number(key, trimmed is not null && trimmed.EndsWith('%') ? trimmed[..^1].TrimEnd() : trimmed, what);
    }

    /// <summary>
    /// An optional named option: nothing chosen is null, but a value the list never offered is said at the field,
    /// rather than read as "none" and saved.
    /// </summary>
    public static TEnum? OptionalChoice<TEnum>(this ModelStateDictionary modelState, string key, string? value, string message) where TEnum : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(modelState);
        if (string.IsNullOrEmpty(value)) return null;
        if (Choice<TEnum>(value) is { } chosen) return chosen;
        modelState.AddModelError(key, message);
        return null;
    }

    /// <summary>A number if the text is one, else null, with no message: for showing figures, not for checking input.</summary>
    public static decimal? TryNumber(string? text) => new ModelStateDictionary().Number("n", text, "n");

    public static int? Whole(this ModelStateDictionary modelState, string key, string? text, string what)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (text.Trim().Length <= 9 && int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, Uk, out var value)) return value;
        modelState.AddModelError(key, $"{what} must be a whole number");
        return null;
    }

    /// <summary>The id of an option chosen from a list; anything else (nothing, or a tampered value) is no choice.</summary>
    public static int? Choice(string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    /// <summary>
    /// A named option (an enum value by its one name); anything else is no choice. The enum parser would also read
    /// "Housing,Planning" as the two combined, which can be a third option altogether.
    /// </summary>
    public static TEnum? Choice<TEnum>(string? value) where TEnum : struct, Enum =>
        value is not null && Array.IndexOf(Enum.GetNames<TEnum>(), value) >= 0 ? Enum.Parse<TEnum>(value) : null;

    public static DateOnly? Date(this ModelStateDictionary modelState, string key, DateInput? input, string what)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        var date = (input ?? new DateInput()).Read(what, out var error);
        if (error is not null) modelState.AddModelError(key, error);
        return date;
    }

    /// <summary>A refused command's reasons on the form. Field names are the command's, under <paramref name="prefix"/>.</summary>
    public static void AddRefusal(this ModelStateDictionary modelState, CommandResult result, string prefix = "Input")
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(result);
        foreach (var (field, message) in result.Errors)
        {
            var key = $"{prefix}.{field}";
            // A type error already reported at a field is the one to show there.
            if (modelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0) continue;
            modelState.AddModelError(key, message);
        }
        if (result.Message is not null) modelState.AddModelError(string.Empty, result.Message);
    }
}
