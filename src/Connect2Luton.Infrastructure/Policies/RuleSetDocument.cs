using System.Text.Json.Serialization;

namespace Connect2Luton.Infrastructure.Policies;

// A rule file as officers write it: a RulesEngine workflow (WorkflowName, GlobalParams, Rules with RuleName,
// Expression, SuccessEvent, ErrorMessage, Enabled, Properties) with descriptions added. Read strictly: an unknown
// key, a key in the wrong case or a missing required one is an error, never silently ignored.

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed class RuleSetDocument
{
    [JsonRequired]
    public string WorkflowName { get; init; } = string.Empty;

    public string? Description { get; init; }

    public List<NamedValueDocument> GlobalParams { get; init; } = [];

    [JsonRequired]
    public List<RuleDocument> Rules { get; init; } = [];
}

/// <summary>A named value: a cap, a threshold, a list of postcode districts, or a value worked out from the facts.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed class NamedValueDocument
{
    [JsonRequired]
    public string Name { get; init; } = string.Empty;

    [JsonRequired]
    public string Expression { get; init; } = string.Empty;

    public string? Description { get; init; }

    /// <summary>What the value is called on every page ("Cap for a social worker"); the Name is for rules to use.</summary>
    public string? Label { get; init; }

    /// <summary>
    /// What kind of value an officer sets (Money, Percentage, WholeNumber, YesNo, PostcodeDistricts, Date, Text,
    /// Choices): shown and typed in its own form. Left out for a value worked out from the facts and other values.
    /// </summary>
    public string? Type { get; init; }

    /// <summary>What the value counts or is per: "an hour" for money, "weeks" for a whole number, "break reasons" for choices.</summary>
    public string? Unit { get; init; }

    /// <summary>
    /// New expressions from given days, earliest first: the Expression above holds until the first of them. A
    /// decision uses what is in force on the day it is about (a cap from 1 April, last year's living wage for a
    /// back-dated decision).
    /// </summary>
    public List<DatedExpressionDocument> Changes { get; init; } = [];

    /// <summary>The expression in force on a day.</summary>
    public string ExpressionOn(DateOnly? day)
    {
        var expression = Expression;
        foreach (var change in Changes)
        {
            if (day is not { } on || change.From > on) break;
            expression = change.Expression;
        }
        return expression;
    }
}

/// <summary>A named value's new expression from a day.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed class DatedExpressionDocument
{
    [JsonRequired]
    public DateOnly From { get; init; }

    [JsonRequired]
    public string Expression { get; init; } = string.Empty;
}

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed class RuleDocument
{
    [JsonRequired]
    public string RuleName { get; init; } = string.Empty;

    [JsonRequired]
    public string Expression { get; init; } = string.Empty;

    /// <summary>Only "LambdaExpression" is accepted: it is the one expression type RulesEngine 6 has.</summary>
    public string RuleExpressionType { get; init; } = "LambdaExpression";

    /// <summary>The message when the rule passes; may name values in braces, e.g. {input.PayRate:0.00}.</summary>
    public string? SuccessEvent { get; init; }

    /// <summary>The message when the rule fails; may name values in braces.</summary>
    [JsonRequired]
    public string ErrorMessage { get; init; } = string.Empty;

    public bool Enabled { get; init; } = true;

    public RulePropertiesDocument Properties { get; init; } = new();
}

/// <summary>What a rule means beyond pass or fail.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed class RulePropertiesDocument
{
    /// <summary>What the rule checks, in plain words.</summary>
    public string? Description { get; init; }

    /// <summary>What failing the rule means for the decision, e.g. "Refused" or "NeedsException".</summary>
    public string? Outcome { get; init; }

    /// <summary>Who must sign off when the rule fails with an outcome that allows an exception.</summary>
    public string? Approvers { get; init; }

    /// <summary>The placement flag failing the rule raises (placement-length rules).</summary>
    public string? Flag { get; init; }

    /// <summary>The local tier passing the rule earns; the first passing rule with a tier sets it (preference rules).</summary>
    public string? Tier { get; init; }

    /// <summary>The named value, or whole number, of preference points passing the rule earns (preference rules).</summary>
    public string? Points { get; init; }

    /// <summary>Pay-rate rules: the named value that is the cap this rule holds a rate to.</summary>
    public string? Cap { get; init; }

    /// <summary>Pay-rate rules: the named value measured against the cap (the pay rate, the charge rate, pay plus on-costs).</summary>
    public string? Measures { get; init; }

    /// <summary>A yes/no named value: the rule only counts when it is true.</summary>
    public string? AppliesWhen { get; init; }

    /// <summary>The named values to report with the decision, e.g. the cap the rule compares with.</summary>
    public List<string> Figures { get; init; } = [];
}
