using System.Globalization;

namespace Connect2Luton.Application.RuleSets.Values;

/// <summary>A percentage, shown and typed as 12.07%, written as the fraction the rules multiply by (0.1207m).</summary>
public sealed class PercentageValue : ValueKind
{
    public override string Name => "Percentage";

    public override string? Suffix => "%";

    public override string FieldWidth => "govuk-input--width-5";

    public override string InputMode => "decimal";

    public override string Example => "12.07%";

    public override string? Show(string expression) =>
        DecimalLiteral(expression) is { } fraction && fraction >= 0 ? (fraction * 100).ToString("0.####", Uk) : null;

    public override TypedValue Read(string typed, string label)
    {
        ArgumentNullException.ThrowIfNull(typed);
        var (percent, problem) = Number(typed, 4, 1000m, "%");
        return problem switch
        {
            null => TypedValue.Written($"{(percent!.Value / 100).ToString("0.0#####", CultureInfo.InvariantCulture)}m"),
            "comma" => TypedValue.Refused($"{label} must be a percentage, like {Example}: write a decimal point, not a comma"),
            "negative" => TypedValue.Refused($"{label} must be 0% or more"),
            "too big" => TypedValue.Refused($"{label} must be no more than 1000%"),
            "places" => TypedValue.Refused($"{label} may have at most 4 decimal places, like {Example}"),
            _ => TypedValue.Refused($"{label} must be a percentage, like {Example}"),
        };
    }
}
