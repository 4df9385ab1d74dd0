using Connect2Luton.Application.Common.Time;
using Connect2Luton.Application.Policies;
using Connect2Luton.Domain.Decisions;
using Connect2Luton.Domain.JobRoles;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Domain.SupplyAgencies;

namespace Connect2Luton.Application.JobRoles;

/// <summary>What the serving pay-rate rules say about a role's grade having no cap: a refusal, or a warning.</summary>
/// <param name="Refuses">The rule refuses a booking of the role, so the role itself is refused.</param>
public sealed record GradeCapFinding(bool Refuses, string Message);

/// <summary>
/// Whether the serving pay-rate rules set a cap for a role's grade, asked of the rules themselves: their
/// <see cref="Rule"/> says whether every grade booked has a cap and what follows if not. Where that rule refuses, a
/// role of a grade with no cap is refused too (it could never be booked); where it only warns, the role is saved and
/// the warning shown with it. Which grades have caps is the rule file's to say, never this class's.
/// </summary>
public sealed class GradeCaps(IPayRatePolicy payRates, IRuleSetCatalogue catalogue, TimeProvider clock)
{
    /// <summary>The pay-rate rule that every grade booked has a cap.</summary>
    public const string Rule = "GradeHasACap";

    // The grade rule reads the grade; the other facts are an ordinary in-house booking at the hourly equivalent of the
    // permanent post's lowest pay over a 37-hour week, so a rule that reads pay sees a figure of the role's own size.
    private const decimal OrdinaryWeeklyHours = 37m;
    private const decimal WeeksInAYear = 52m;

    /// <summary>Null where the grade has a cap (or the rules do not ask); otherwise what the rules make of it.</summary>
    public async Task<GradeCapFinding?> CheckAsync(JobRole role, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(role);
        var ruleSet = catalogue.DisplayNameOf(RuleSetNames.PayRateCaps).ToLowerInvariant();
        try
        {
            var today = clock.Today();
            var onCosts = await payRates.OnCostsAsync(today, cancellationToken);
            var pay = Math.Max(0.01m, decimal.Round(role.PermanentSalaryMinimum / WeeksInAYear / OrdinaryWeeklyHours, 2));
            var rates = ChargeRates.Price(pay, SupplyAgencyKind.InHousePool, 0m, onCosts);
            // A role may be booked in any service unless limited, so it is asked about in children's services and out of them.
            foreach (var childrens in new[] { false, true })
            {
                var decision = await payRates.DecideAsync(PolicyFacts.PayRate(role, childrens, SupplyAgencyKind.InHousePool, rates, OrdinaryWeeklyHours, today), cancellationToken);
                if (decision.Details.Rules.FirstOrDefault(r => r.Rule == Rule && !r.Passed) is not { } failed) continue;
                return failed.Outcome == nameof(PayRateOutcome.Refused)
                    ? new GradeCapFinding(true, $"The {ruleSet} rules set no cap for grade {role.NjcGrade}: ask a policy officer to add one, then save again")
                    : new GradeCapFinding(false, $"The {ruleSet} rules set no cap for grade {role.NjcGrade} (they warn rather than refuse): ask a policy officer to add one before this role is booked");
            }
            return null;
        }
        catch (PolicyUnavailableException)
        {
            return new GradeCapFinding(true, $"The {ruleSet} rules are not serving, so the grade cannot be checked: try again once a policy officer has put them right");
        }
    }
}
