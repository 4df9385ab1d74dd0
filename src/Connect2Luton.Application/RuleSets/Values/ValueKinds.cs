using Connect2Luton.Domain.JobRoles;
using Connect2Luton.Domain.Requisitions;
using Connect2Luton.Domain.Workers;

namespace Connect2Luton.Application.RuleSets.Values;

/// <summary>The types a rule file may declare for a named value, by the name it uses, with the units each takes.</summary>
public static class ValueKinds
{
    /// <summary>Units a whole number may count in; the file's Unit must be one, so every page can say it.</summary>
    public static readonly IReadOnlyList<string> Counts = ["weeks", "months", "days", "working days", "years", "hours", "hours a week", "points"];

    /// <summary>What money may be per.</summary>
    public static readonly IReadOnlyList<string> MoneyUnits = ["an hour", "a week", "a year"];

    private static readonly IReadOnlyList<ValueChoices> Lists =
    [
        ValueChoices.Of<BreakReason>("break reasons"),
        ValueChoices.Of<RequisitionReason>("requisition reasons"),
        ValueChoices.Of<JobFamily>("job families"),
        ValueChoices.Of<PayPoint>("pay points"),
    ];

    public static readonly IReadOnlyList<string> Names = ["Money", "Percentage", "WholeNumber", "YesNo", "PostcodeDistricts", "Date", "Text", "Choices"];

    /// <summary>The type a file declares, or why it cannot be: an unknown type, or a unit the type does not take.</summary>
    public static (ValueKind? Type, string? Problem) Of(string type, string? unit)
    {
        ArgumentNullException.ThrowIfNull(type);
        string UnitProblem(IEnumerable<string> allowed) =>
            $"A {type} value's Unit is one of {string.Join(", ", allowed.Select(a => $"\"{a}\""))}{(unit is null ? "" : $", not \"{unit}\"")}.";
        switch (type)
        {
            case "Money":
                return unit is null || MoneyUnits.Contains(unit) ? (new MoneyValue(unit), null) : (null, UnitProblem(MoneyUnits));
            case "WholeNumber":
                return unit is null || Counts.Contains(unit) ? (new WholeNumberValue(unit), null) : (null, UnitProblem(Counts));
            case "Choices":
                return Lists.FirstOrDefault(l => l.Name == unit) is { } list ? (new ChoicesValue(list), null) : (null, UnitProblem(Lists.Select(l => l.Name)));
        }
        if (unit is not null) return (null, $"A {type} value takes no Unit.");
        return type switch
        {
            "Percentage" => (new PercentageValue(), null),
            "YesNo" => (new YesNoValue(), null),
            "PostcodeDistricts" => (new PostcodeDistrictsValue(), null),
            "Date" => (new DateValue(), null),
            "Text" => (new TextValue(), null),
            _ => (null, $"\"{type}\" is not a type of value: use one of {string.Join(", ", Names)}, or leave Type out for a value worked out from others."),
        };
    }
}
