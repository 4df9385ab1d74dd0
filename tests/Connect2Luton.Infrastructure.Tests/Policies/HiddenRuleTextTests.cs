using System.Text.Json;
using System.Text.Json.Nodes;
using Connect2Luton.Application.Policies;
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

    // A control character is not named by its code: a null typed into a form arrives as U+0001, so its code would
    // name a character nobody typed.
    public static TheoryData<string, string, string, string> HiddenText => new()
    {
        { "a right-to-left override in a failure message", "ErrorMessage", "\u202E", "The message when it fails has a hidden character (U+202E) in it" },
        { "a null in a success message", "SuccessEvent", "\u0000", "The message when it passes has a hidden control character in it" },
        { "a null typed into the page's form, as the page reads it", "SuccessEvent", "\u0001", "The message when it passes has a hidden control character in it" },
        { "a zero-width space in a rule's description", "Description", "\u200B", "The description has a hidden character (U+200B) in it" },
        { "a blank letter (Hangul filler) in a rule's description", "Description", "\u3164", "The description has a hidden character (U+3164) in it" },
    };

    [Theory]
    [MemberData(nameof(HiddenText))]
    public async Task Hidden_characters_in_a_rules_text_are_refused_naming_the_rule_and_the_field(string what, string field, string hidden, string expected)
    {
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
            "The label has a hidden control character in it: take it out, it shows as nothing or as other text.",
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
    public async Task A_problem_quoting_a_name_with_a_right_to_left_override_shows_the_override_written_out_not_turning_the_text_round()
    {
        var result = await OfferAsync(RuleSetDefinition.SupplierRelease, json: r => r["Rules"]![0]!["RuleName"] = "PositionsTo\u202Efill");

        var problem = result.Problems.ShouldHaveSingleItem();
        problem.Rule.ShouldBe("PositionsTo\u202Efill", "the rule is still found by its name as written");
        problem.Message.ShouldBe("'PositionsTo[U+202E]fill' cannot name a rule: use letters and digits, starting with a letter.");
        problem.ToString().ShouldNotContain("\u202E");
        problem.ToString().ShouldContain("at 'PositionsTo[U+202E]fill'");
    }

    [Fact]
    public async Task A_problem_quoting_an_expression_with_control_characters_writes_them_out_without_a_code_that_may_not_be_the_one_typed()
    {
        var result = await OfferAsync(RuleSetDefinition.SupplierRelease,
            json: r => r["GlobalParams"]!.AsArray().Single(v => v!["Name"]!.GetValue<string>() == "inHouseOnlyWorkingDays")!["Expression"] = "2\u0001\u202E");

        result.Problems.Select(p => p.Message).ShouldContain(m => m.StartsWith("The expression has a hidden control character in it", StringComparison.Ordinal));
        result.Problems.Select(p => p.Message).ShouldContain(m => m.Contains("'2[control character][U+202E]'", StringComparison.Ordinal), "the value's type check quotes it");
        result.Problems.ShouldAllBe(p => HiddenCharacters.In(p.Message) == null);
        (result.Problems[0] with { Message = "'x\u202Ey'" }).Message.ShouldBe("'x[U+202E]y'", "a problem changed later is written out too");
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
