using Bogus;
using Connect2Luton.Application.Policies;
using Connect2Luton.Infrastructure.Policies;
using Connect2Luton.Testing;
using Connect2Luton.Application.RuleSets;

namespace Connect2Luton.Infrastructure.Tests.Policies;

/// <summary>
/// Decisions run each rule's check compiled from RulesEngine's parser, not the engine's workflow call. These hold
/// the two to the same answers on facts far beyond the shipped test cases: values either side of every default
/// boundary, and the string values the rules test for mixed with ones they do not.
/// </summary>
public sealed class EngineAgreementTests
{
    private const int SamplesPerRuleSet = 400;

    public static TheoryData<string> RuleSets => new(RuleSetDefinition.BuiltIn.Select(d => d.Name));

    [Theory]
    [MemberData(nameof(RuleSets))]
    public async Task The_compiled_rules_decide_random_facts_exactly_as_the_rules_engine_does(string name)
    {
        var definition = RuleSetDefinition.BuiltIn.Single(d => d.Name == name);
        var (ruleSet, problems) = RuleSetCompiler.Compile(definition,
            File.ReadAllText(Path.Combine(RuleFiles.RepositoryDirectory, definition.FileName)),
            File.ReadAllText(Path.Combine(RuleFiles.RepositoryDirectory, "tests", definition.TestCasesFileName)));
        problems.ShouldBeEmpty();
        var engines = new ReferenceEngines();
        var faker = new Faker { Random = new Randomizer(20261202) };
        var outcomes = new HashSet<string>();

        for (var sample = 0; sample < SamplesPerRuleSet; sample++)
        {
            var facts = RandomFacts(definition, faker);
            var reference = await RuleSetEvaluator.EvaluateInEngineAsync(engines, ruleSet!, facts, CancellationToken.None);
            var compiled = RuleSetEvaluator.Evaluate(ruleSet!, facts);

            TestCaseCheck.Disagreements(reference, compiled).ShouldBeEmpty($"for {facts}");
            compiled.Decision.Rules.Select(r => r.Message).ShouldBe(reference.Decision.Rules.Select(r => r.Message), $"for {facts}");
            // The look-ahead's lean decision: the same outcome, and a bit for exactly the failed rules that raise a flag.
            var settled = RuleSetEvaluator.Settle(ruleSet!, facts);
            settled.Outcome.ShouldBe(compiled.Decision.Outcome, $"for {facts}");
            var inForce = ruleSet!.InForceFor(facts).InOrder;
            Enumerable.Range(0, inForce.Count).Where(i => (settled.FailedFlags & (1UL << i)) != 0).Select(i => inForce[i].Name)
                .ShouldBe(compiled.Decision.Failed.Where(r => r.Flag is not null).Select(r => r.Rule), $"for {facts}");
            outcomes.Add(compiled.Decision.Outcome);
        }

        // Random facts that all landed on one outcome would prove little.
        outcomes.Count.ShouldBeGreaterThan(1);
    }

    [Fact]
    public async Task A_rule_that_cannot_be_worked_out_for_the_facts_fails_with_the_reason_and_the_engine_agrees()
    {
        var definition = RuleSetDefinition.PayRateCaps;
        // Fine for the test cases' 37-hour weeks; a division by zero for a 48-hour week.
        var json = File.ReadAllText(Path.Combine(RuleFiles.RepositoryDirectory, definition.FileName))
            .Replace("\"Expression\": \"input.PayRate >= nationalLivingWage\"", "\"Expression\": \"input.PayRate / (input.WeeklyHours - 48m) * 0m + input.PayRate >= nationalLivingWage\"", StringComparison.Ordinal);
        var (ruleSet, problems) = RuleSetCompiler.Compile(definition, json,
            File.ReadAllText(Path.Combine(RuleFiles.RepositoryDirectory, "tests", definition.TestCasesFileName)));
        problems.ShouldBeEmpty();
        var facts = Facts.ChildrensSocialWorker() with { WeeklyHours = 48m };

        var decision = RuleSetEvaluator.Evaluate(ruleSet!, facts).Decision;
        var reference = await RuleSetEvaluator.EvaluateInEngineAsync(new ReferenceEngines(), ruleSet!, facts, CancellationToken.None);

        decision.Outcome.ShouldBe("Refused");
        var failed = decision.Failed.ShouldHaveSingleItem();
        failed.Rule.ShouldBe("AtLeastNationalLivingWage");
        failed.Message.ShouldContain("could not be worked out for these facts");
        failed.Message.ShouldEndWith("so it counts as failed: it divides by zero.");
        reference.Decision.Failed.ShouldHaveSingleItem().Rule.ShouldBe("AtLeastNationalLivingWage");
        TestCaseCheck.Disagreements(reference, RuleSetEvaluator.Evaluate(ruleSet!, facts)).ShouldBeEmpty();
    }

    private static object RandomFacts(RuleSetDefinition definition, Faker f)
    {
        // Days on both sides of the rules' dated changes (the living wage of 1 April 2026), so each stretch is held to the engine.
        var asOf = Clocks.Today.AddDays(-f.Random.Int(0, 400));
        if (definition == RuleSetDefinition.PayRateCaps)
        {
            var pay = Math.Round(f.Random.Decimal(9m, 90m), 2);
            return new PayRateFacts
            {
                AsOf = asOf,
                RoleTitle = f.Name.JobTitle(),
                JobFamily = f.PickRandom("SocialCare", "Education", "Housing", "Other"),
                NjcGrade = f.PickRandom("A", "B", "C", "D", "E", "F", "G", "H", "JNC", "Z", ""),
                DfeRoleType = f.PickRandom("", "SocialWorker", "SeniorSocialWorker", "AdvancedPractitioner", "TeamManager", "Other"),
                IsChildrensServices = f.Random.Bool(),
                IsInterim = f.Random.Bool(),
                PayRate = pay,
                HolidayPay = Math.Round(pay * 0.1207m, 2),
                EmployerNationalInsurance = Math.Round(pay * f.Random.Decimal(0m, 0.15m), 2),
                EmployerPension = f.Random.Bool() ? 0m : Math.Round(pay * 0.03m, 2),
                Margin = Math.Round(f.Random.Decimal(0m, 12m), 2),
                ChargeRate = Math.Round(pay * f.Random.Decimal(1.1m, 2.5m), 2),
                WeeklyHours = f.PickRandom(0m, 18.5m, 37m, 48m),
                SupplierKind = f.PickRandom("InHousePool", "LocalSupportingAgency", "ExternalAgency"),
            };
        }
        if (definition == RuleSetDefinition.LocalCandidatePreference)
        {
            var formerCouncil = f.PickRandom("", "Luton Borough Council", "Bedford Borough Council");
            return new LocalPreferenceFacts
            {
                AsOf = asOf,
                PostcodeDistrict = f.PickRandom("LU1", "LU2", "LU3", "LU4", "LU5", "LU6", "LU7", "MK45", "SG5", " lu2 ", ""),
                SupplierKind = f.PickRandom("InHousePool", "LocalSupportingAgency", "ExternalAgency"),
                SupplierIsLocal = f.Random.Bool(),
                PreviousCouncil = formerCouncil,
                PreviousCouncilRegion = formerCouncil.Length == 0 ? "" : f.PickRandom("East of England", "London"),
                MonthsSinceLeftCouncilPost = f.Random.Int(0, 30),
                IsDfeRole = f.Random.Bool(),
                PostQualifiedYears = f.Random.Int(0, 8),
            };
        }
        if (definition == RuleSetDefinition.PlacementLengthLimits)
        {
            var weeks = f.Random.Int(0, 80);
            return new PlacementLengthFacts
            {
                AsOf = asOf,
                JobFamily = f.PickRandom("SocialCare", "Education", "Other"),
                IsInterim = f.Random.Bool(),
                IsExtension = f.Random.Bool(),
                StartDate = asOf.AddDays(-7 * weeks),
                EndDate = asOf.AddDays(f.Random.Int(-30, 400)),
                TotalWeeks = weeks + f.Random.Int(0, 60),
                WeeksInPost = weeks,
                MonthsInPost = weeks * 12 / 52,
                AwrWeeks = f.Random.Int(0, weeks),
                ApprovedBeyondLimit = f.Random.Bool(),
            };
        }
        if (definition == RuleSetDefinition.SupplierRelease)
        {
            var workingDays = f.Random.Int(0, 9);
            return new SupplierReleaseFacts
            {
                AsOf = asOf,
                SupplierKind = f.PickRandom("InHousePool", "LocalSupportingAgency", "ExternalAgency", "Other"),
                SupplierOnDps = f.Random.Bool(),
                SupplierConfirmsDfeAgencyRules = f.Random.Bool(),
                JobFamily = f.PickRandom("SocialCare", "Housing", "BusinessSupport", "Other"),
                DfeRoleType = f.PickRandom("", "SocialWorker", "TeamManager", "Other"),
                IsChildrensServices = f.Random.Bool(),
                HoursSinceApproval = workingDays * 24 + f.Random.Int(0, 72),
                WorkingDaysSinceApproval = workingDays,
                MatchingInHouseWorkers = f.PickRandom(0, 0, 1, 2, 40),
                DaysUntilStart = f.Random.Int(-10, 60),
                PositionsLeft = f.Random.Int(0, 3),
            };
        }
        return new ConversionFacts
        {
            AsOf = asOf,
            ContinuousWeeks = f.Random.Int(0, 40),
            FeeFreeFrom = asOf.AddDays(f.Random.Int(-200, 200)),
            RequisitionReason = f.PickRandom("VacancyCover", "SicknessCover", "MaternityCover", "Project", "PeakWorkload", "InterimManagement"),
            IsInterim = f.Random.Bool(0.2f),
            RightToWorkValid = f.Random.Bool(0.9f),
            HasDbs = f.Random.Bool(0.9f),
            DbsMonthsOld = f.Random.Int(0, 48),
            RegistrationRequired = f.Random.Bool(),
            RegistrationValid = f.Random.Bool(0.9f),
            OpenToPermanentJob = f.Random.Bool(0.8f),
        };
    }
}
