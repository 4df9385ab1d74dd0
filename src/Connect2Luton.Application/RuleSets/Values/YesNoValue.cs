namespace Connect2Luton.Application.RuleSets.Values;

/// <summary>Yes or no, written true or false.</summary>
public sealed class YesNoValue : ValueKind
{
    public override string Name => "YesNo";

    public override string Example => "Yes";

    public override string? Show(string expression) => expression.Trim() switch
    {
        "true" => "Yes",
        "false" => "No",
        _ => null,
    };

    public override TypedValue Read(string typed, string label)
    {
        ArgumentNullException.ThrowIfNull(typed);
        return typed.Trim().ToUpperInvariant() switch
        {
            "YES" or "Y" or "TRUE" => TypedValue.Written("true"),
            "NO" or "N" or "FALSE" => TypedValue.Written("false"),
            _ => TypedValue.Refused($"Choose yes or no for {Lower(label)}"),
        };
    }

}
