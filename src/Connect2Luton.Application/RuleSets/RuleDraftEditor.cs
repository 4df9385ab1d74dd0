using System.Security.Cryptography;
using System.Text;
using Connect2Luton.Application.Common.Time;
using Connect2Luton.Application.Policies;

namespace Connect2Luton.Application.RuleSets;

/// <summary>
/// A named value's fields as posted: what was typed for the value in force today, what that field showed (null when
/// it showed the draft's own), and a new value to take effect from a later day, if one was given.
/// </summary>
public sealed record ValueEdit(string Name, string? Typed, string? Shown, string? ChangeFrom = null, string? ChangeTo = null);

/// <summary>A rule's form as posted: the rule as typed, the fingerprint of what the form showed, and whether it is to go.</summary>
public sealed record RuleEdit(string Name, RuleText Typed, string? Shown, bool Remove);

/// <summary>The new rule's form as posted; every field empty means no rule is added.</summary>
public sealed record NewRuleInput(string? Name, string? Expression, string? ErrorMessage, string? SuccessEvent, string? Description, string? Outcome, string? Approvers)
{
    public bool IsEmpty => new[] { Name, Expression, ErrorMessage, SuccessEvent, Description, Outcome, Approvers }.All(string.IsNullOrWhiteSpace);
}

/// <summary>
/// A draft with its fields applied: the new text, and the errors by field (Json for the text itself, Values[name],
/// Rules[name].Expression, NewRule.Name and so on). <see cref="ValuesTaken"/> and <see cref="RulesTaken"/> say
/// whether the fields were written into the text, so they are shown from it again.
/// </summary>
public sealed record DraftEdit(string Json, IReadOnlyList<KeyValuePair<string, string>> Errors, bool ValuesTaken, bool RulesTaken, string? RuleAdded)
{
    /// <summary>Some value typed in its field changed the draft: the test cases written against it move with it.</summary>
    public bool ValuesChanged { get; init; }

    public const string JsonField = "Json";

    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// Writes what an officer typed in the workspace's fields into the draft's text, in place: each named value typed
/// in its field, each rule changed, taken out or added through its form. Fields posted as they were shown are left
/// alone, so an edit made in the text meanwhile is never undone; the rest of the text stays byte for byte.
/// </summary>
public sealed class RuleDraftEditor(IRuleSetPublisher publisher, IRuleSetCatalogue catalogue, TimeProvider clock)
{
    public DraftEdit Apply(string ruleSet, string json, IReadOnlyList<ValueEdit> values, IReadOnlyList<RuleEdit> rules, NewRuleInput? newRule)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(rules);
        var errors = new List<KeyValuePair<string, string>>();
        var (withValues, valuesTaken) = ApplyValues(json, values, errors);
        if (!valuesTaken) return new DraftEdit(json, errors, false, false, null);
        var (withRules, added, rulesTaken) = ApplyRules(ruleSet, withValues, rules, newRule, errors);
        return new DraftEdit(rulesTaken ? withRules : withValues, errors, true, rulesTaken, rulesTaken ? added : null) { ValuesChanged = withValues != json };
    }

    /// <summary>What a rule's fields hold, as a short hash; the text with its ends trimmed and its lines ending LF, as browsers may send it.</summary>
    public static string FingerprintOf(RuleText rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var text = string.Join('\u001f', Typed(rule.Expression), Typed(rule.ErrorMessage), Typed(rule.SuccessEvent), Typed(rule.Description), rule.Enabled ? "on" : "off");
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)), 0, 12);
    }

    private static string Typed(string? text) => (text ?? string.Empty).ReplaceLineEndings("\n").Trim();

    private (string Json, bool Taken) ApplyValues(string json, IReadOnlyList<ValueEdit> values, List<KeyValuePair<string, string>> errors)
    {
        // A name written twice is the validator's to report; the fields stand for the first.
        var views = publisher.NamedValuesOf(json);
        if (views is null)
        {
            // Nothing typed is dropped without a word: the text must be put right before fields can be written into it.
            if (values.Any(v => (v.Typed is not null && v.Typed.Trim() != (v.Shown ?? string.Empty).Trim()) || !string.IsNullOrWhiteSpace(v.ChangeFrom) || !string.IsNullOrWhiteSpace(v.ChangeTo)))
                errors.Add(new(DraftEdit.JsonField, "The rule file's text cannot be read, so the values typed in their fields were not written into it: put the text right first"));
            return (json, errors.Count == 0);
        }
        // Only values set as a type have fields; anything posted for another (a value worked out from others) was
        // not offered by the page and changes nothing.
        var current = views.Where(v => v.SetAs is not null).GroupBy(v => v.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var today = clock.Today();
        var changed = new Dictionary<string, string>(StringComparer.Ordinal);
        var scheduled = new List<(string Name, DateOnly From, string Expression)>();
        foreach (var edit in values)
        {
            if (!current.TryGetValue(edit.Name, out var value)) continue;
            if (TypedNow(edit, value, today, errors) is { } expression) changed[edit.Name] = expression;
            if (Scheduled(edit, value, today, errors) is { } change) scheduled.Add((edit.Name, change.From, change.Expression));
        }
        if (errors.Count > 0) return (json, false);
        if (changed.Count == 0 && scheduled.Count == 0) return (json, true);
        var (withValues, problems) = changed.Count == 0 ? (json, []) : publisher.WithNamedValues(json, changed, today);
        foreach (var (name, from, expression) in scheduled)
        {
            if (problems.Count > 0) break;
            (withValues, problems) = publisher.WithScheduledChange(withValues, name, from, expression);
        }
        if (problems.Count == 0) return (withValues, true);
        errors.AddRange(problems.Select(p => new KeyValuePair<string, string>(DraftEdit.JsonField, p)));
        return (json, false);
    }

    // The value in force today as typed in its field, as the rules write it; null where it is unchanged or refused.
    private static string? TypedNow(ValueEdit edit, NamedValueView value, DateOnly today, List<KeyValuePair<string, string>> errors)
    {
        // Shown, typed and compared as HR writes it; only values set as a type have a field.
        if (edit.Typed is not { } typed || value.SetAs is not { } type) return null;
        var inForce = value.ExpressionOn(today);
        // Posted as shown: the officer did not touch it, and may have changed the value in the text instead.
        if (typed.Trim() == (edit.Shown ?? type.Show(inForce) ?? inForce).Trim()) return null;
        if (string.IsNullOrWhiteSpace(typed) && !type.TakesNone)
        {
            errors.Add(new($"Values[{edit.Name}]", $"Enter {Values.ValueKind.Lower(value.Called)}, like {type.Example}"));
            return null;
        }
        var read = type.Read(typed, value.Called);
        if (read.Error is { } refused) errors.Add(new($"Values[{edit.Name}]", refused));
        return read.Expression is { } written && written != inForce.Trim() ? written : null;
    }

    // A new value from a later day, both fields read; null where neither was filled in, or either is refused.
    private static (DateOnly From, string Expression)? Scheduled(ValueEdit edit, NamedValueView value, DateOnly today, List<KeyValuePair<string, string>> errors)
    {
        // Yes/no values are not offered a later change on the page: a crafted one changes nothing.
        if ((string.IsNullOrWhiteSpace(edit.ChangeFrom) && string.IsNullOrWhiteSpace(edit.ChangeTo)) || value.SetAs is Values.YesNoValue) return null;
        var fromField = $"ChangeFrom[{edit.Name}]";
        var toField = $"ChangeTo[{edit.Name}]";
        if (value.SetAs is not { } type)
        {
            errors.Add(new(fromField, $"{value.Called} is worked out from other values: change it from a day in the rule file's text"));
            return null;
        }
        DateOnly? from = null;
        var day = string.IsNullOrWhiteSpace(edit.ChangeFrom) ? null : new Values.DateValue().Read(edit.ChangeFrom, "The day it changes");
        if (day is null) errors.Add(new(fromField, "Enter the day the new value starts, like 1 April 2027"));
        else if (day.Error is { } wrong) errors.Add(new(fromField, wrong));
        else if (Values.DateValue.DayOf(day.Expression!) is { } on && on <= today)
            errors.Add(new(fromField, $"The day it changes must be after today ({today:d MMMM yyyy}): to change the value in force now, type it in the field above"));
        else from = Values.DateValue.DayOf(day.Expression!);
        var to = string.IsNullOrWhiteSpace(edit.ChangeTo) ? null : type.Read(edit.ChangeTo, value.Called);
        if (to is null) errors.Add(new(toField, $"Enter the new value, like {type.Example}"));
        else if (to.Error is { } refused) errors.Add(new(toField, refused));
        var expression = to?.Expression;
        // A change to what already holds the day before changes nothing, and would use up one of the change days.
        if (from is { } first && expression is not null && value.ExpressionOn(first.AddDays(-1)).Trim() == expression)
        {
            errors.Add(new(toField, $"{type.InWords(expression)} is already the value then: enter a different one, or leave both fields empty"));
            return null;
        }
        return from is { } starts && expression is not null ? (starts, expression) : null;
    }

    private (string Json, string? Added, bool Taken) ApplyRules(string ruleSet, string json, IReadOnlyList<RuleEdit> rules, NewRuleInput? newRule, List<KeyValuePair<string, string>> errors)
    {
        var read = publisher.RulesOf(json);
        if (read is null)
        {
            // Nothing typed in a rule's form is dropped without a word: the text must be put right first.
            if (rules.Any(r => r.Remove || (r.Shown is { } shown && FingerprintOf(r.Typed) != shown)))
            {
                errors.Add(new(DraftEdit.JsonField, "The rule file's text cannot be read, so the changes made in the rules' forms were not written into it: put the text right first"));
                return (json, null, false);
            }
        }
        var current = read?.GroupBy(r => r.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal) ?? [];
        var changed = new List<RuleText>();
        var removed = new List<string>();
        foreach (var (name, typed, shown, remove) in rules)
        {
            // A rule no longer in the text was renamed or taken out there: the text has the last word.
            if (!current.TryGetValue(name, out var rule)) continue;
            if (remove)
            {
                removed.Add(name);
                continue;
            }
            if (FingerprintOf(typed) == (shown ?? FingerprintOf(rule))) continue;
            if (typed.Expression.Length == 0) errors.Add(new($"Rules[{name}].Expression", $"Enter what the rule \"{Values.CodeWords.Of(name)}\" checks"));
            if (typed.ErrorMessage.Length == 0) errors.Add(new($"Rules[{name}].ErrorMessage", $"Enter the message the rule \"{Values.CodeWords.Of(name)}\" gives when it fails"));
            changed.Add(typed);
        }
        var added = newRule is null || newRule.IsEmpty ? null : NewRuleOf(ruleSet, newRule, current, errors);
        if (errors.Count > 0) return (json, null, false);
        var changes = new RuleChanges(changed, removed, added);
        if (!changes.Any) return (json, added?.Name, true);
        var (withRules, problems) = publisher.WithRules(json, changes);
        if (problems.Count == 0) return (withRules, added?.Name, true);
        errors.AddRange(problems.Select(p => new KeyValuePair<string, string>(DraftEdit.JsonField, p)));
        return (json, null, false);
    }

    /// <summary>The rule typed in the new rule's form; its errors go beside its fields.</summary>
    private NewRule NewRuleOf(string ruleSet, NewRuleInput typed, Dictionary<string, RuleText> current, List<KeyValuePair<string, string>> errors)
    {
        void Error(string field, string message) => errors.Add(new($"NewRule.{field}", message));
        var name = typed.Name?.Trim() ?? string.Empty;
        var outcomes = catalogue.Describe(ruleSet);
        if (name.Length == 0) Error(nameof(NewRuleInput.Name), "Name the new rule in one word of letters and digits");
        else if (name.Length > 100 || !name.All(char.IsAsciiLetterOrDigit) || !char.IsAsciiLetter(name[0]))
            Error(nameof(NewRuleInput.Name), "A rule's name is one word of letters and digits, starting with a letter, at most 100 long");
        else if (current.ContainsKey(name)) Error(nameof(NewRuleInput.Name), $"There is already a rule named {name}: choose another name");
        if (string.IsNullOrWhiteSpace(typed.Expression)) Error(nameof(NewRuleInput.Expression), "Enter what the new rule checks");
        if (string.IsNullOrWhiteSpace(typed.ErrorMessage)) Error(nameof(NewRuleInput.ErrorMessage), "Enter the message the new rule gives when it fails");
        var outcome = string.IsNullOrWhiteSpace(typed.Outcome) ? null : typed.Outcome.Trim();
        if (outcome is not null && outcomes?.FailureOutcomes.Contains(outcome) != true)
            Error(nameof(NewRuleInput.Outcome), "Choose what failing the rule means from the list");
        else if (outcome is not null && outcomes!.OutcomesNeedingApprovers.Contains(outcome) && string.IsNullOrWhiteSpace(typed.Approvers))
            Error(nameof(NewRuleInput.Approvers), "Say who signs off an exception when the rule fails with this outcome");
        else if (!string.IsNullOrWhiteSpace(typed.Approvers) && (outcome is null || !outcomes!.OutcomesNeedingApprovers.Contains(outcome)))
            Error(nameof(NewRuleInput.Approvers), "Approvers sign off exceptions: choose an outcome that allows one, or leave this empty");
        return new NewRule(name, typed.Expression?.Trim() ?? string.Empty, typed.ErrorMessage?.Trim() ?? string.Empty,
            typed.SuccessEvent?.Trim(), typed.Description?.Trim(), outcome, typed.Approvers?.Trim());
    }
}
