using Connect2Luton.Application.RuleSets;
using Connect2Luton.Infrastructure.Policies;
using Connect2Luton.Testing;

namespace Connect2Luton.Infrastructure.Tests.Policies;

/// <summary>A rule changed, taken out or added through its form changes that rule's text and nothing else in the file.</summary>
public sealed class RuleFileRulesTests
{
    private static readonly string PayRateCaps = File.ReadAllText(Path.Combine(RuleFiles.RepositoryDirectory, "pay-rate-caps.json"));

    [Theory]
    [InlineData("\"RuleName\": \"AtLeastNationalLivingWage\"", "\"RuleName\": \"AtLeast\\ud800\"")]
    [InlineData("\"Name\": \"nationalLivingWage\"", "\"Name\": \"national\\udfff\"")]
    [InlineData("\"Expression\": \"12.21m\"", "\"Expression\": \"12.21m\\ud800\"")]
    [InlineData("\"WorkflowName\"", "\"Workflow\\ud800Name\"")]
    public void Text_with_a_lone_surrogate_escape_is_reported_as_unreadable_and_never_throws(string find, string replace)
    {
        var json = PayRateCaps.Replace(find, replace, StringComparison.Ordinal);
        json.ShouldNotBe(PayRateCaps);
        var rule = new RuleText("GradeHasACap", "gradeCap > 0", "No cap.", null, null, true);

        Should.NotThrow(() => RuleFileRules.Of(json));
        Should.NotThrow(() => RuleFileRules.Change(json, new RuleChanges([rule], ["WithinDfeCap"], null)));
        Should.NotThrow(() => RuleFileText.NamedValues(json));
        Should.NotThrow(() => RuleFileText.SetNamedValues(json, new Dictionary<string, string> { ["capGradeD"] = "25.00m" }));
        Should.NotThrow(() => RuleFileText.NamedValueViews(json));
        RuleSetCompiler.Compile(RuleSetDefinition.PayRateCaps, json, null, runTestCases: false).Problems.ShouldNotBeEmpty();
    }

    [Fact]
    public void Rules_switched_off_reworded_taken_out_and_added_are_changed_in_place_and_the_file_still_compiles()
    {
        var rules = RuleFileRules.Of(PayRateCaps)!;
        var interim = rules.Single(r => r.Name == "WithinInterimChargeCap");
        var gradeHasACap = rules.Single(r => r.Name == "GradeHasACap");
        var untouched = Between(PayRateCaps, "{\n      \"RuleName\": \"WithinGradeCapForGradesAtoD\"", "\"RuleName\": \"WithinInterimChargeCap\"");

        var (changed, problems) = RuleFileRules.Change(PayRateCaps, new RuleChanges(
            [gradeHasACap with { Enabled = false }, interim with { ErrorMessage = "Over the interim charge cap of £{interimChargeCap:0.00}: the Chief Executive signs it off." }],
            ["AtLeastNationalLivingWage", "WithinDfeCap"],
            new NewRule("ChargeCoversPay", "input.ChargeRate >= input.PayRate", "The charge of £{input.ChargeRate:0.00} is below the pay.", null, "The council is never charged less than the worker is paid.", "Refused", null)));

        problems.ShouldBeEmpty();
        RuleSetCompiler.Compile(RuleSetDefinition.PayRateCaps, changed, null, runTestCases: false).Problems.ShouldBeEmpty();
        var now = RuleFileRules.Of(changed)!;
        now.Select(r => r.Name).ShouldBe(["GradeHasACap", "WithinGradeCapForGradesAtoD", "WithinGradeCap", "WithinInterimChargeCap", "AtLeastAwrPayParity", "ChargeCoversPay"]);
        now[0].Enabled.ShouldBeFalse();
        now[3].ErrorMessage.ShouldStartWith("Over the interim charge cap");
        now[^1].Description.ShouldBe("The council is never charged less than the worker is paid.");
        changed.ShouldContain("\"Rules\": [\n    {\n      \"RuleName\": \"GradeHasACap\"", Case.Sensitive, "the rules taken out go with their separators");
        changed.ShouldContain(untouched, Case.Sensitive, "rules not changed keep every byte");
        changed.ShouldContain("\n    },\n    {\n      \"RuleName\": \"ChargeCoversPay\",\n      \"Expression\": \"input.ChargeRate >= input.PayRate\",", Case.Sensitive, "a new rule is laid out as the rules before it");
        changed[..changed.IndexOf("\"Rules\"", StringComparison.Ordinal)].ShouldBe(PayRateCaps[..PayRateCaps.IndexOf("\"Rules\"", StringComparison.Ordinal)]);
    }

    [Fact]
    public void Rules_posted_as_they_are_change_not_one_byte_and_an_unknown_or_taken_name_changes_nothing()
    {
        var rules = RuleFileRules.Of(PayRateCaps)!;

        RuleFileRules.Change(PayRateCaps, new RuleChanges(rules, [], null)).Json.ShouldBe(PayRateCaps);
        var (same, problems) = RuleFileRules.Change(PayRateCaps, new RuleChanges([rules[0] with { Name = "CapEverything" }], ["NoSuchRule"],
            new NewRule("WithinDfeCap", "true", "Never", null, null, null, null)));

        same.ShouldBe(PayRateCaps);
        problems.ShouldBe(["There is no rule 'CapEverything' in the draft.", "There is no rule 'NoSuchRule' in the draft.", "There is already a rule named 'WithinDfeCap'."]);
        RuleFileRules.Change("{ \"Rules\": [ ", new RuleChanges([], ["WithinDfeCap"], null)).Problems.ShouldHaveSingleItem().ShouldStartWith("The rule file cannot be read as JSON");
    }

    private static string Between(string text, string from, string upTo)
    {
        var start = text.IndexOf(from, StringComparison.Ordinal);
        return text[start..text.IndexOf(upTo, start, StringComparison.Ordinal)];
    }
}
