using System.Globalization;
using System.Text.Json;
using Connect2Luton.Application.Policies;
using Connect2Luton.Application.RuleSets;

namespace Connect2Luton.Web.Pages.Placements;

/// <summary>A fact a decision was given: what the rules workspace calls it, and its value as people write it.</summary>
public sealed record DecisionFact(string Fact, string Value);

/// <summary>
/// The facts a decision was given, read from what was stored with it and written as the rules workspace describes
/// them (each fact's description, yes or no, dates in words, a kind of supplier by its name), not as stored.
/// </summary>
public static class DecisionFacts
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static IReadOnlyList<DecisionFact> InWords(IRuleSetSamples samples, string ruleSet, string inputsJson)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var described = samples.FactsOf(ruleSet).ToDictionary(f => f.Name, StringComparer.OrdinalIgnoreCase);
        try
        {
            using var stored = JsonDocument.Parse(inputsJson);
            if (stored.RootElement.ValueKind != JsonValueKind.Object) return [new DecisionFact("As stored", inputsJson)];
            return [.. stored.RootElement.EnumerateObject().Select(p => described.TryGetValue(p.Name, out var fact)
                ? new DecisionFact(fact.Description.TrimEnd('.'), Value(p.Value, fact))
                : new DecisionFact(p.Name, Value(p.Value, null)))];
        }
        catch (JsonException)
        {
            // Stored by an import or an older version in another shape: shown as it is rather than not at all.
            return [new DecisionFact("As stored", inputsJson)];
        }
    }

    private static string Value(JsonElement value, FactView? fact) => value.ValueKind switch
    {
        JsonValueKind.True => "Yes",
        JsonValueKind.False => "No",
        JsonValueKind.Null => "None",
        JsonValueKind.Number => !value.TryGetDecimal(out var number) ? value.GetRawText()
            : fact?.Type == InPoundsAttribute.Described ? number.ToString("C2", English) : number.ToString("#,##0.##", English),
        JsonValueKind.String => Text(value.GetString() ?? string.Empty, fact),
        _ => value.GetRawText(),
    };

    private static string Text(string text, FactView? fact)
    {
        if (fact?.Choices?.FirstOrDefault(c => string.Equals(c.Code, text, StringComparison.OrdinalIgnoreCase)) is { } choice) return choice.Words;
        if (text.Length == 0) return "None";
        return fact?.Type.StartsWith("a date", StringComparison.Ordinal) == true && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day.ToString("d MMMM yyyy", English)
            : text;
    }
}
