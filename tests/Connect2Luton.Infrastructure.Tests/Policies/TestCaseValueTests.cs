using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Connect2Luton.Application.Policies;
using Connect2Luton.Application.RuleSets;
using Connect2Luton.Infrastructure.Policies;
using Connect2Luton.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Connect2Luton.Infrastructure.Tests.Policies;

/// <summary>
/// What test cases may hold beyond what they can be read as: an expected outcome or flag the rules never give, or
/// a coded fact that is none of its choices, is refused by name in every rule set (never decided silently, or
/// reported as a mismatch), and the serving rules stay as they were.
/// </summary>
public sealed class TestCaseValueTests : IAsyncLifetime
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

    public static TheoryData<string> RuleSets => new(RuleSetDefinition.BuiltIn.Select(d => d.Name));

    [Fact]
    public async Task A_supplier_release_case_expecting_an_outcome_the_rules_never_give_is_refused_naming_the_ones_they_do()
    {
        var result = await OfferAsync(RuleSetDefinition.SupplierRelease, cases: c => c[0]!["Expect"]!["Outcome"] = "Explode");

        result.Problems.Select(p => p.Message).ShouldContain("Explode is not an outcome these rules give: Release, Not yet or Never.");
        result.Problems.ShouldNotContain(p => p.Message.Contains("expected", StringComparison.Ordinal), "it is not reported as a mismatch");
    }

    [Theory]
    [MemberData(nameof(RuleSets))]
    public async Task A_case_expecting_an_outcome_the_rules_never_give_is_refused_in_every_rule_set(string name)
    {
        var definition = RuleSetDefinition.BuiltIn.Single(d => d.Name == name);

        var result = await OfferAsync(definition, cases: c => c[0]!["Expect"]!["Outcome"] = "Explode");

        var problem = result.Problems.ShouldHaveSingleItem();
        problem.Message.ShouldStartWith("Explode is not an outcome these rules give: ");
        problem.Rule.ShouldBe(CaseName(definition, 0));
    }

    [Fact]
    public async Task A_case_expecting_a_flag_the_rules_never_raise_is_refused()
    {
        var result = await OfferAsync(RuleSetDefinition.PlacementLengthLimits, cases: c => c[0]!["Expect"]!["Flags"] = new JsonArray("Exploded"));

        result.Problems.ShouldHaveSingleItem().Message.ShouldStartWith("Exploded is not a flag these rules raise: ");
    }

    [Fact]
    public async Task A_supplier_release_case_for_a_kind_of_supplier_that_does_not_exist_is_refused_not_decided_as_an_external_agency()
    {
        var result = await OfferAsync(RuleSetDefinition.SupplierRelease, cases: c => c[0]!["Facts"]!["SupplierKind"] = "Hacker");

        result.Problems.ShouldHaveSingleItem().Message
            .ShouldBe("The case's facts do not fit: Hacker is not a kind of supplier: In-house pool, Local supporting agency or External agency.");
    }

    public static TheoryData<string, string> CodedFacts
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var definition in RuleSetDefinition.BuiltIn)
            {
                foreach (var property in definition.FactType.GetProperties().Where(p => p.GetCustomAttribute<CodedAsAttribute>() is not null))
                    data.Add(definition.Name, property.Name);
            }
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(CodedFacts))]
    public async Task Every_coded_fact_of_every_rule_set_refuses_a_value_that_is_none_of_its_choices(string name, string fact)
    {
        var definition = RuleSetDefinition.BuiltIn.Single(d => d.Name == name);
        var coded = definition.FactType.GetProperty(fact)!.GetCustomAttribute<CodedAsAttribute>()!;

        var result = await OfferAsync(definition, cases: c => c[0]!["Facts"]![fact] = "Hacker");
        var lowerCase = await OfferAsync(definition, cases: c => c[0]!["Facts"]![fact] = Enum.GetNames(coded.Codes)[0].ToLowerInvariant());

        result.Problems.ShouldHaveSingleItem().Message.ShouldBe($"The case's facts do not fit: Hacker is not a {coded.Called}: {coded.Listed}.");
        lowerCase.Problems.ShouldHaveSingleItem().Message.ShouldContain($"is not a {coded.Called}", customMessage: "the rules compare names as they are written");
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

    private static string CaseName(RuleSetDefinition definition, int index) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(RuleFiles.RepositoryDirectory, "tests", definition.TestCasesFileName)))!["Cases"]![index]!["Name"]!.GetValue<string>();
}
