using System.Text.RegularExpressions;
using Connect2Luton.Application.Policies;
using Connect2Luton.Application.RuleSets.Values;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connect2Luton.Web.Pages.Rules;

/// <summary>A rule set as an officer reads it: its values in their units, its rules and messages in words.</summary>
public sealed partial class ViewModel(IRuleSetCatalogue catalogue) : PageModel
{
    public RuleSetView RuleSet { get; private set; } = null!;

    public IActionResult OnGet(string name)
    {
        if (catalogue.Describe(name) is not { } ruleSet) return NotFound();
        RuleSet = ruleSet;
        return Page();
    }

    /// <summary>A named value by its label; a name the rule set does not have, in words.</summary>
    public string Called(string name) => RuleSet.NamedValues.FirstOrDefault(v => v.Name == name)?.Called ?? CodeWords.Of(name);

    /// <summary>The points a rule earns: a number, or a named value said with what it is set to.</summary>
    public string Points(string? points)
    {
        if (points is null || int.TryParse(points, out _)) return $"{points ?? "0"} points";
        return RuleSet.NamedValues.FirstOrDefault(v => v.Name == points) is { } value
            ? $"{value.Called}{(value.SetAs is { } type ? $" ({type.InWords(value.Expression)})" : "")}"
            : CodeWords.Of(points);
    }

    /// <summary>
    /// A message as a template, with what each brace will hold said in words: "£{input.PayRate:0.00} an hour" reads
    /// "£[pay rate] an hour", so an officer sees the message, not the placeholders' code.
    /// </summary>
    public string? MessageInWords(string? template) =>
        template is null ? null : Placeholder().Replace(template.Replace("{{", "\u0001", StringComparison.Ordinal).Replace("}}", "\u0002", StringComparison.Ordinal), m =>
        {
            var name = m.Groups["name"].Value.Trim();
            var said = name.StartsWith("input.", StringComparison.Ordinal) ? CodeWords.Of(name["input.".Length..]) : Called(name);
            return $"[{ValueKind.Lower(said)}]";
        }).Replace('\u0001', '{').Replace('\u0002', '}');

    [GeneratedRegex(@"\{(?<name>[^{}:]+)(:[^{}]*)?\}")]
    private static partial Regex Placeholder();
}
