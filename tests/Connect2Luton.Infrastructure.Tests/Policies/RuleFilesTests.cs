using Connect2Luton.Application.Policies;
using Connect2Luton.Infrastructure.Policies;
using Connect2Luton.Testing;
using Microsoft.Extensions.DependencyInjection;
using Connect2Luton.Application.RuleSets;

namespace Connect2Luton.Infrastructure.Tests.Policies;

/// <summary>The rule files in rules/ as they ship: each passes every check, including its own test cases.</summary>
public sealed partial class RuleFilesTests
{
    public static TheoryData<string> RuleSets => new(RuleSetDefinition.BuiltIn.Select(d => d.Name));

    [Theory]
    [MemberData(nameof(RuleSets))]
    public void Each_shipped_rule_set_passes_every_check_and_its_test_cases(string name)
    {
        var definition = RuleSetDefinition.BuiltIn.Single(d => d.Name == name);
        var json = File.ReadAllText(Path.Combine(RuleFiles.RepositoryDirectory, definition.FileName));
        var cases = File.ReadAllText(Path.Combine(RuleFiles.RepositoryDirectory, "tests", definition.TestCasesFileName));

        var (compiled, problems) = RuleSetCompiler.Compile(definition, json, cases);

        problems.Select(p => p.ToString()).ShouldBeEmpty();
        compiled.ShouldNotBeNull().TestCases.Count.ShouldBeGreaterThanOrEqualTo(10);
        compiled.Version.Length.ShouldBe(64);
        // Far inside the bounds every rule set is held to, so an officer has room to add to them.
        compiled.Figures.DeepestNesting.ShouldBeLessThanOrEqualTo(ExpressionShape.MaximumDepth / 4);
        compiled.Figures.MostParts.ShouldBeLessThanOrEqualTo(ExpressionShape.MaximumParts / 10);
        compiled.Figures.WrittenOutLength.ShouldBeLessThanOrEqualTo(RuleSetCompiler.MaximumWrittenOutLength / 10);
    }

    [Theory]
    [MemberData(nameof(RuleSets))]
    public void Every_message_of_a_shipped_rule_set_speaks_plain_english_for_every_test_case(string name)
    {
        var definition = RuleSetDefinition.BuiltIn.Single(d => d.Name == name);
        var (compiled, _) = RuleSetCompiler.Compile(definition, File.ReadAllText(Path.Combine(RuleFiles.RepositoryDirectory, definition.FileName)),
            File.ReadAllText(Path.Combine(RuleFiles.RepositoryDirectory, "tests", definition.TestCasesFileName)));

        var messages = compiled.ShouldNotBeNull().TestCases
            .SelectMany(c => RuleSetEvaluator.Evaluate(compiled, c.Facts).Decision.Rules.Select(r => r.Message)).Distinct().ToList();

        messages.ShouldNotBeEmpty();
        // No code word ("SicknessCover", "SocialWorker", "capGradeE", "12.71m") and no "1 months": each names things as people write them.
        messages.SelectMany(PlainWords.CodeIn).ShouldBeEmpty();
        messages.ShouldAllBe(m => !SingularPlural().IsMatch(m));
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<![\d.,])1 (days|weeks|months|years)\b")]
    private static partial System.Text.RegularExpressions.Regex SingularPlural();

    [Fact]
    public async Task All_four_rule_sets_serve_from_the_repository_folder()
    {
        await using var services = TestServices.ForPolicies();
        var registry = services.GetRequiredService<RuleSetRegistry>();

        await registry.EnsureLoadedAsync();

        var catalogue = services.GetRequiredService<IRuleSetCatalogue>().Current;
        catalogue.Select(s => s.Name).ShouldBe(RuleSetDefinition.BuiltIn.Select(d => d.Name));
        catalogue.ShouldAllBe(s => s.IsServing && s.Problems.Count == 0);
    }
}
