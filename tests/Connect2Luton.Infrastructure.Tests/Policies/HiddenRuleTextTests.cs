using System.Text.Json;
using System.Text.Json.Nodes;
using Connect2Luton.Application.RuleSets;
using Connect2Luton.Infrastructure.Policies;
using Connect2Luton.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Connect2Luton.Infrastructure.Tests.Policies;

/// <summary>
/// Hidden characters (a right-to-left override, a null, a zero-width space) in any text of a rule file that people
/// read are refused, naming the rule and the field, and the serving rules stay as they were.
/// </summary>
public sealed class HiddenRuleTextTests : IAsyncLifetime
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
    private ServiceProvider _services = null!;
    private RuleSetRegistry _registry = null!;

    public async Task InitializeAsync()
    {
        _services = TestServices.ForPolicies();
        _registry = _services.GetRequiredService<RuleSetRegistry>();
        await _registry.EnsureLoadedAsync();
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    public static TheoryData<string, string, string> HiddenText => new()
    {
        { "a right-to-left override in a failure message", "ErrorMessage", "The message when it fails has a hidden character (U+202E) in it" },
        { "a null in a success message", "SuccessEvent", "The message when it passes has a hidden character (U+0000) in it" },
        { "a zero-width space in a rule's description", "Description", "The description has a hidden character (U+200B) in it" },
    };

    [Theory]
    [MemberData(nameof(HiddenText))]
    public async Task Hidden_characters_in_a_rules_text_are_refused_naming_the_rule_and_the_field(string what, string field, string expected)
    {
        var hidden = expected.Contains("202E", StringComparison.Ordinal) ? "\u202E" : expected.Contains("0000", StringComparison.Ordinal) ? "\u0000" : "\u200B";
        string? rule = null;

        var result = await OfferAsync(RuleSetDefinition.SupplierRelease, json: r =>
        {
            var first = r["Rules"]![0]!;
            rule = first["RuleName"]!.GetValue<string>();
            var target = field == "Description" ? first["Properties"]!.AsObject() : first.AsObject();
            target[field] = $"Released at once{hidden}ecno ta desaeleR";
        });

        var problem = result.Problems.ShouldHaveSingleItem(what);
        problem.Rule.ShouldBe(rule);
        problem.Message.ShouldStartWith(expected);
        problem.Line.ShouldNotBeNull();
    }

    [Fact]
    public async Task Hidden_characters_in_a_values_label_and_the_rule_sets_description_are_refused()
    {
        var result = await OfferAsync(RuleSetDefinition.SupplierRelease, json: r =>
        {
            r["Description"] = "Who may see\u202E a requisition";
            r["GlobalParams"]![0]!["Label"] = "Working days\u0007 alone";
        });

        result.Problems.Select(p => p.Message).ShouldBe(
        [
            "The rule set's description has a hidden character (U+202E) in it: take it out, it shows as nothing or as other text.",
            "The label has a hidden character (U+0007) in it: take it out, it shows as nothing or as other text.",
        ], ignoreOrder: true);
    }

    [Fact]
    public async Task A_hidden_character_in_an_expressions_text_is_refused_as_it_would_never_match_what_it_shows()
    {
        var result = await OfferAsync(RuleSetDefinition.SupplierRelease,
            json: r => r["GlobalParams"]!.AsArray().Single(v => v!["Name"]!.GetValue<string>() == "inHousePool")!["Expression"] = "input.SupplierKind == \"InHouse\u200BPool\"");

        var problem = result.Problems.ShouldHaveSingleItem();
        problem.Rule.ShouldBe("inHousePool");
        problem.Message.ShouldStartWith("The expression has a hidden character (U+200B) in it");
    }

    [Fact]
    public async Task Line_breaks_and_ordinary_accents_in_a_message_are_kept()
    {
        var result = await OfferAsync(RuleSetDefinition.SupplierRelease, json: r => r["Rules"]![0]!["SuccessEvent"] = "Released to the café's agencies\r\nat once");

        result.Problems.ShouldBeEmpty();
    }

    private async Task<RuleSetLoadResult> OfferAsync(RuleSetDefinition definition, Action<JsonObject>? json = null, Action<JsonArray>? cases = null)
    {
        var before = _registry.ServingVersionOf(definition.Name)!.Version;
        var rules = JsonNode.Parse(File.ReadAllText(Path.Combine(RuleFiles.RepositoryDirectory, definition.FileName)))!.AsObject();
        var tests = JsonNode.Parse(File.ReadAllText(Path.Combine(RuleFiles.RepositoryDirectory, "tests", definition.TestCasesFileName)))!.AsObject();
        json?.Invoke(rules);
        cases?.Invoke(tests["Cases"]!.AsArray());
        // Indented, as a rule file is written, so a problem can point at its line.
        var result = await _registry.OfferAsync(definition, rules.ToJsonString(Indented), tests.ToJsonString(Indented));
        if (result.Problems.Count > 0) _registry.ServingVersionOf(definition.Name)!.Version.ShouldBe(before, "a refused file changes nothing that serves");
        return result;
    }
}
