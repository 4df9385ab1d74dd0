using System.Globalization;

namespace Connect2Luton.Application.RuleSets.Values;

/// <summary>An amount of money in pounds and pence, shown £45.00, written 45.00m; per hour, per week or per year as the file's Unit says.</summary>
public sealed class MoneyValue(string? unit) : ValueKind
{
    // A cap above this is a typing slip, not a policy: no hourly, weekly or yearly figure the rules hold comes near it.
    private const decimal Most = 10_000_000m;

    public override string Name => "Money";

    public override string? Prefix => "£";

    public override string? Suffix => unit;

    public override string InputMode => "decimal";

    public override string Example => "£45.00";

    public override string? Show(string expression) =>
        DecimalLiteral(expression) is { } amount && amount >= 0 ? amount.ToString("#,##0.00##", Uk) : null;

    public override TypedValue Read(string typed, string label)
    {
        ArgumentNullException.ThrowIfNull(typed);
        var (amount, problem) = Number(typed, 2, Most, "£", unit ?? "£");
        return problem switch
        {
            null => TypedValue.Written($"{amount!.Value.ToString("0.00", CultureInfo.InvariantCulture)}m"),
            "comma" => TypedValue.Refused($"{label} must be an amount of money, like {Example}: write pence after a point, not a comma"),
            "negative" => TypedValue.Refused($"{label} must be £0.00 or more"),
            "too big" => TypedValue.Refused($"{label} must be no more than £{Most:#,##0}"),
            "places" => TypedValue.Refused($"{label} must be in pounds and pence, like {Example}"),
            _ => TypedValue.Refused($"{label} must be an amount of money, like {Example}"),
        };
    }
}
