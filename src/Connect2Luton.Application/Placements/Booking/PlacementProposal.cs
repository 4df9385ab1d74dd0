using Connect2Luton.Application.Policies;
using Connect2Luton.Domain.Placements;

namespace Connect2Luton.Application.Placements.Booking;

/// <summary>A placement as the recruiter proposes it: who, for which requisition, and the terms as typed.</summary>
public sealed record PlacementProposalInput(
    int RequisitionId,
    int WorkerId,
    decimal? PayRate,
    decimal? WeeklyHours,
    DateOnly? StartDate,
    DateOnly? EndDate,
    string? CapReason);

/// <summary>What the booking form shows about the requisition and the worker before any terms are typed.</summary>
public sealed record PlacementProposalView(
    int RequisitionId,
    int RequisitionVersion,
    string RequisitionTitle,
    string ServiceArea,
    string JobRole,
    DateOnly RequisitionStart,
    DateOnly RequisitionEnd,
    decimal RequisitionWeeklyHours,
    decimal RequisitionMaximumPayRate,
    int WorkerId,
    string WorkerName,
    string WorkerPostcode,
    string Supplier,
    decimal SupplierMarginRate,
    IReadOnlyList<string> ComplianceWarnings);

/// <summary>
/// What the rules say about the terms as they stand: the charge-rate breakdown, each rule set's verdicts, the
/// messages for each field, and what must be added (why a rate over its cap is needed) before it can be booked, and
/// who must sign it off before it starts. The live check and the booking both produce this from the same code, so
/// the page never says one thing and the save another.
/// </summary>
/// <param name="Unheld">Of the posts that must sign a rate over its cap, those no one holds yet.</param>
public sealed record PlacementQuote(
    PlacementRates? Rates,
    decimal? MarginRate,
    RuleCheck? PayRate,
    RuleCheck? Length,
    IReadOnlyDictionary<string, string> Errors,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<string>? Unheld = null)
{
    public bool NeedsCapException => PayRate?.Outcome == nameof(PayRateOutcome.NeedsException);

    public bool CanBeBooked => Errors.Count == 0;

    /// <summary>Hours a week times the charge rate: what a week of the placement costs the council.</summary>
    public decimal? WeeklyCharge(decimal? hours) => Rates is { } rates && hours is { } h ? Math.Round(rates.ChargeRate * h, 2) : null;
}

/// <summary>One rule set's verdict, as shown next to the fields it concerns.</summary>
public sealed record RuleCheck(string RuleSet, string Version, string Outcome, string? Approvers, IReadOnlyList<RuleLine> Lines)
{
    public static RuleCheck From(PolicyDecision decision, string? approvers)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return new RuleCheck(decision.RuleSet, decision.Version, decision.Outcome, approvers,
            decision.Rules.Select(r => new RuleLine(r.Rule, r.Passed, r.Outcome, r.Message)).ToList());
    }
}

/// <summary>A rule's message; <paramref name="Consequence"/> is what failing it means ("Refused", "NeedsException"), null where it only informs.</summary>
public sealed record RuleLine(string Rule, bool Passed, string? Consequence, string Message);
