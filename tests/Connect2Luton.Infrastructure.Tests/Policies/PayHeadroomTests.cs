using Connect2Luton.Application.Policies;
using Connect2Luton.Application.RuleSets;
using Connect2Luton.Domain.Decisions;
using Connect2Luton.Domain.SupplyAgencies;
using Connect2Luton.Infrastructure.Policies;
using Connect2Luton.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Connect2Luton.Infrastructure.Tests.Policies;

/// <summary>
/// The most a role may be paid without sign-off is found by asking the serving rules: exact to the penny, through
/// the days the rules' figures change, and even where the allowed pay lies within one pound.
/// </summary>
public sealed class PayHeadroomTests : IDisposable
{
    private static readonly PayRateTerms SocialWorker = new(A.SocialWorkerRole(), IsChildrensServices: true, SupplyAgencyKind.LocalSupportingAgency, 0.12m, 0m, 37m);
    private readonly RuleFolderCopy _rules = RuleFiles.Copy();

    [Fact]
    public async Task The_headroom_is_the_most_pay_the_rules_allow_and_the_least_over_a_stretch_in_which_a_cap_falls()
    {
        var fall = new DateOnly(2027, 2, 1);
        Serve(json => json.Replace("\"Name\": \"capSocialWorker\", \"Expression\": \"45.00m\",", $"\"Name\": \"capSocialWorker\", \"Expression\": \"45.00m\", \"Changes\": [ {{ \"From\": \"{fall:yyyy-MM-dd}\", \"Expression\": \"40.00m\" }} ],", StringComparison.Ordinal));
        await using var services = await ServingAsync();
        var headroom = new PayRateThroughChanges(services.GetRequiredService<IPayRatePolicy>());

        var now = await headroom.HeadroomAsync(SocialWorker, Clocks.Today, 500m, CancellationToken.None);
        var through = await headroom.HeadroomThroughAsync(SocialWorker, Clocks.Today, fall.AddDays(30), 500m, CancellationToken.None);

        now!.MostPay.ShouldBe(34.92m);
        now.Beyond.ShouldNotBeNull().ShouldContain("over the DfE cap of £45.00");
        through!.MostPay.ShouldBe(31.03m);
        through.Day.ShouldBe(fall);
    }

    [Fact]
    public async Task A_headroom_within_one_pound_of_the_living_wage_is_found_to_the_penny()
    {
        Serve(json => json.Replace("\"Name\": \"capSocialWorker\", \"Expression\": \"45.00m\"", "\"Name\": \"capSocialWorker\", \"Expression\": \"16.50m\"", StringComparison.Ordinal));
        await using var services = await ServingAsync();

        var found = await new PayRateThroughChanges(services.GetRequiredService<IPayRatePolicy>()).HeadroomAsync(SocialWorker, Clocks.Today, 500m, CancellationToken.None);

        // £12.80 with holiday pay and NI is £16.50; the living wage is £12.71.
        found!.MostPay.ShouldBe(12.80m);
    }

    [Fact]
    public async Task A_cap_below_every_allowed_pay_says_no_rate_needs_no_sign_off_and_why()
    {
        Serve(json => json.Replace("\"Name\": \"capSocialWorker\", \"Expression\": \"45.00m\"", "\"Name\": \"capSocialWorker\", \"Expression\": \"14.00m\"", StringComparison.Ordinal));
        await using var services = await ServingAsync();

        var found = await new PayRateThroughChanges(services.GetRequiredService<IPayRatePolicy>()).HeadroomAsync(SocialWorker, Clocks.Today, 500m, CancellationToken.None);

        found!.NoneAllowed.ShouldBeTrue();
        found.Beyond.ShouldNotBeNull().ShouldContain("over the DfE cap of £14.00");
    }

    public void Dispose() => _rules.Dispose();

    // The pay-rate rules changed as given, with their test cases moved and accepted as the workspace would.
    private void Serve(Func<string, string> change)
    {
        var json = change(_rules.Read(RuleSetDefinition.PayRateCaps.FileName));
        var draft = RuleSetCompiler.Compile(RuleSetDefinition.PayRateCaps, json, null, runTestCases: false).RuleSet.ShouldNotBeNull();
        var moved = CaseBoundaries.Review(draft, _rules.Read(Path.Combine("tests", RuleSetDefinition.PayRateCaps.TestCasesFileName)), moveBoundaries: true).TestCasesJson!;
        _rules.Replace(Path.Combine("tests", RuleSetDefinition.PayRateCaps.TestCasesFileName), CaseBoundaries.Accept(draft, moved).Json);
        _rules.Replace(RuleSetDefinition.PayRateCaps.FileName, json);
    }

    private async Task<ServiceProvider> ServingAsync()
    {
        var services = TestServices.ForPolicies(_rules.Directory);
        await services.GetRequiredService<RuleSetRegistry>().EnsureLoadedAsync();
        services.GetRequiredService<IRuleSetCatalogue>().Current.Single(s => s.Name == RuleSetNames.PayRateCaps).Problems.ShouldBeEmpty();
        return services;
    }
}
