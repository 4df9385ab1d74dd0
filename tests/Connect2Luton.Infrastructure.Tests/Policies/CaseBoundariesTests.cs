using Connect2Luton.Application.RuleSets;
using Connect2Luton.Infrastructure.Policies;
using Connect2Luton.Testing;

namespace Connect2Luton.Infrastructure.Tests.Policies;

/// <summary>
/// Test cases written against a value move with it: a changed cap takes its boundary cases to the new boundary,
/// their on-costs worked out as a booking would, and every case the change decides otherwise is listed, to be
/// accepted in one step.
/// </summary>
public sealed class CaseBoundariesTests
{
    private static readonly RuleSetDefinition PayRates = RuleSetDefinition.PayRateCaps;

    public static TheoryData<string> RuleSets => new(RuleSetDefinition.BuiltIn.Select(d => d.Name));

    [Theory]
    [MemberData(nameof(RuleSets))]
    public void Each_shipped_boundary_case_sits_on_its_boundary(string name)
    {
        var definition = RuleSetDefinition.BuiltIn.Single(d => d.Name == name);
        var (draft, cases) = Shipped(definition);

        var review = CaseBoundaries.Review(draft, cases, moveBoundaries: true);

        review.Moved.ShouldBeEmpty("each boundary case's facts are the ones the app works out for it");
        review.Changed.ShouldBeEmpty();
        review.TestCasesJson.ShouldBe(cases);
    }

    [Fact]
    public void Raising_the_social_worker_cap_moves_its_boundary_cases_with_their_on_costs_and_lists_the_case_it_now_allows()
    {
        var (serving, cases) = Shipped(PayRates);
        var raised = Compiled(serving.Json.Replace("\"Name\": \"capSocialWorker\", \"Expression\": \"45.00m\"", "\"Name\": \"capSocialWorker\", \"Expression\": \"47.00m\"", StringComparison.Ordinal));

        var review = CaseBoundaries.Review(raised, cases, moveBoundaries: true);

        review.Moved.Select(m => m.Case).ShouldBe(
        [
            "Children's social worker a penny under the DfE cap", "Children's social worker exactly at the DfE cap",
            "Children's social worker a penny over the DfE cap needs the DCS and Chief Executive",
        ]);
        // The most pay whose pay, holiday pay (12.07%) and employer NI (15% of both) stays within £47.00.
        review.Moved[1].ShouldBe(new MovedCase("Children's social worker exactly at the DfE cap", "pay rate", "34.92", "36.47"));
        var atCap = PayFacts(review.TestCasesJson!, "Children's social worker exactly at the DfE cap");
        atCap.ShouldBe("{ \"PayRate\": 36.47, \"HolidayPay\": 4.40, \"EmployerNationalInsurance\": 6.13, \"ChargeRate\": 52.64, \"Margin\": 5.64 }");
        (36.47m + 4.40m + 6.13m).ShouldBeLessThanOrEqualTo(47.00m);
        review.Changed.ShouldBe([new ChangedCase("Social worker at £36.30 an hour needs sign-off", "Over the cap: needs sign-off", "Allowed")]);
        // Only the moved cases' facts changed: every other byte of the file is as it was.
        Without(review.TestCasesJson!, review.Moved.Select(m => m.Case)).ShouldBe(Without(cases, review.Moved.Select(m => m.Case)));
    }

    [Fact]
    public void Accepting_sets_each_case_the_draft_decides_otherwise_to_expect_what_it_decides_and_the_draft_then_passes()
    {
        var (serving, cases) = Shipped(PayRates);
        var draftJson = serving.Json.Replace("\"Name\": \"capSocialWorker\", \"Expression\": \"45.00m\"", "\"Name\": \"capSocialWorker\", \"Expression\": \"47.00m\"", StringComparison.Ordinal);
        var moved = CaseBoundaries.Review(Compiled(draftJson), cases, moveBoundaries: true).TestCasesJson!;

        var (accepted, count, problems) = CaseBoundaries.Accept(Compiled(draftJson), moved);
        problems.ShouldBeEmpty();

        count.ShouldBe(1);
        accepted.ShouldContain("{ \"Name\": \"Social worker at £36.30 an hour needs sign-off\", \"Facts\": { \"PayRate\": 36.30, \"HolidayPay\": 4.38, \"EmployerNationalInsurance\": 6.10, \"Margin\": 5.60, \"ChargeRate\": 52.38 }, \"Expect\": { \"Outcome\": \"Allowed\", \"Failed\": [] } }");
        RuleSetCompiler.Compile(PayRates, draftJson, accepted).Problems.ShouldBeEmpty();
        RuleSetCompiler.Compile(PayRates, draftJson, cases).Problems.ShouldNotBeEmpty("without the moves and the accepted outcome the draft is refused");
    }

    [Theory]
    [InlineData("\"Value\": \"noSuchValue\", \"Fact\": \"PayRate\", \"Side\": \"At\"", "which is not a value of these rules")]
    [InlineData("\"Value\": \"dfeCap\", \"Fact\": \"PayRate\", \"Side\": \"At\"", "not an amount, percentage or count an officer sets")]
    [InlineData("\"Value\": \"capSocialWorker\", \"Fact\": \"RoleTitle\", \"Side\": \"At\"", "is not a fact of these rules that is a number")]
    [InlineData("\"Value\": \"capSocialWorker\", \"Fact\": \"PayRate\", \"Side\": \"Sideways\"", "write JustUnder, At or JustOver")]
    [InlineData("\"Value\": \"capGradeH\", \"Fact\": \"PayRate\", \"Side\": \"At\"", "The rules give no boundary")]
    [InlineData("\"Value\": \"capSocialWorker\", \"Fact\": \"PayRate\", \"Side\": \"At\"", "but it is not there: pay rate 35.00, where it would be 34.92")]
    public void A_case_written_against_a_value_that_cannot_hold_it_is_refused_by_the_checks(string against, string problem)
    {
        var (serving, cases) = Shipped(PayRates);
        var withCase = cases.Replace("\"Cases\": [", $"\"Cases\": [\n    {{ \"Name\": \"Odd\", \"Facts\": {{}}, \"Against\": {{ {against} }}, \"Expect\": {{ \"Outcome\": \"Allowed\" }} }},", StringComparison.Ordinal);

        var (_, problems) = RuleSetCompiler.Compile(PayRates, serving.Json, withCase);

        problems.ShouldContain(p => p.Rule == "Odd" && p.Message.Contains(problem), string.Join(" | ", problems));
    }

    [Theory]
    [InlineData("Children's social worker exactly at the DfE cap", "Two test cases are named")]
    [InlineData("children's social worker  exactly at the DfE cap ", "Two test cases are named")]
    [InlineData(" ", "A test case's name must be 1 to 300 letters")]
    [InlineData("Social worker\u202E pac", "A test case's name must be 1 to 300 letters")]
    public void Names_a_reader_cannot_tell_apart_or_cannot_read_are_refused_so_a_change_never_lands_on_the_wrong_case(string name, string problem)
    {
        var (serving, cases) = Shipped(PayRates);
        var added = cases.Replace("\"Cases\": [", $"\"Cases\": [\n    {{ \"Name\": \"{name}\", \"Facts\": {{ \"PayRate\": 20.00 }}, \"Expect\": {{ \"Outcome\": \"Allowed\" }} }},", StringComparison.Ordinal);

        var (_, problems) = RuleSetCompiler.Compile(PayRates, serving.Json, added);

        problems.ShouldContain(p => p.Message.StartsWith(problem, StringComparison.Ordinal), string.Join(" | ", problems));
    }

    private static (CompiledRuleSet Draft, string Cases) Shipped(RuleSetDefinition definition)
    {
        var json = File.ReadAllText(Path.Combine(RuleFiles.RepositoryDirectory, definition.FileName));
        var cases = File.ReadAllText(Path.Combine(RuleFiles.RepositoryDirectory, "tests", definition.TestCasesFileName));
        return (Compiled(json, definition), cases);
    }

    private static CompiledRuleSet Compiled(string json, RuleSetDefinition? definition = null) =>
        RuleSetCompiler.Compile(definition ?? PayRates, json, null, runTestCases: false).RuleSet.ShouldNotBeNull();

    private static string PayFacts(string cases, string name)
    {
        var line = cases.Split('\n').Single(l => l.Contains($"\"Name\": \"{name}\"", StringComparison.Ordinal));
        var start = line.IndexOf("\"Facts\": ", StringComparison.Ordinal) + "\"Facts\": ".Length;
        return line[start..(line.IndexOf(", \"Against\"", StringComparison.Ordinal))];
    }

    private static string Without(string cases, IEnumerable<string> names) =>
        string.Join('\n', cases.Split('\n').Where(l => !names.Any(n => l.Contains($"\"Name\": \"{n}\"", StringComparison.Ordinal))));
}
