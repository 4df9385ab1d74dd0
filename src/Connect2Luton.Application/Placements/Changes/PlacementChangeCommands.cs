using Connect2Luton.Application.Common;
using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Application.Common.Results;
using Connect2Luton.Application.Common.Time;
using Connect2Luton.Application.JobRoles;
using Connect2Luton.Application.Placements.Booking;
using Connect2Luton.Application.Placements.Details;
using Connect2Luton.Application.Policies;
using Connect2Luton.Application.Workers;
using Connect2Luton.Domain.Common;
using Connect2Luton.Domain.Decisions;
using Connect2Luton.Domain.JobRoles;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Domain.Workers;

namespace Connect2Luton.Application.Placements.Changes;

/// <summary>What a recruiter types to extend a placement: the new end, why, and the manager who agreed it.</summary>
public sealed record ExtensionInput(DateOnly? NewEndDate, string? Reason, string? ApprovedBy);

/// <summary>What the placement-length rules say about an extension as typed, and the messages for each field.</summary>
/// <param name="BeyondLimit">The extension runs past the longest length, so it waits for the posts the rules name to sign it off.</param>
/// <param name="SignOffBy">Those posts, as the rule names them; null within the limit.</param>
/// <param name="Unheld">Of those posts, the ones no one holds yet.</param>
public sealed record ExtensionQuote(RuleCheck? Length, bool BeyondLimit, IReadOnlyDictionary<string, string> Errors, IReadOnlyList<string> Warnings,
    string? SignOffBy = null, IReadOnlyList<string>? Unheld = null);

/// <summary>
/// Extending a placement (the placement-length rules decide again, on the whole length and the AWR clock; past the
/// longest length it waits for sign-off) and ending one early with a reason, or calling off one that has not started.
/// </summary>
public sealed class PlacementChangeCommands(
    IRepository<Placement> placements,
    IRepository<Worker> workers,
    IRepository<Domain.Requisitions.Requisition> requisitions,
    IReadRepository<JobRole> jobRoles,
    IPlacementLengthPolicy lengths,
    PayRateThroughChanges payThrough,
    ReferenceNames names,
    AwrPositions awrPositions,
    SignOffs.SignOffPositions positions,
    IUnitOfWork unitOfWork,
    Refusals refusals,
    SupplyChain.SubmissionPlacing submissions,
    ICurrentUser user,
    TimeProvider clock)
{
    public static class Fields
    {
        public const string NewEndDate = nameof(ExtensionInput.NewEndDate);
        public const string Reason = nameof(ExtensionInput.Reason);
        public const string ApprovedBy = nameof(ExtensionInput.ApprovedBy);
        public const string LastDay = "LastDay";
    }

    public async Task<ExtensionQuote?> QuoteExtensionAsync(int id, ExtensionInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var placement = await placements.FirstOrDefaultAsync(new PlacementWithHistorySpec(id, forUpdate: false), cancellationToken);
        if (placement is null) return null;
        return (await EvaluateExtensionAsync(placement, input, cancellationToken)).Quote;
    }

    /// <summary>
    /// The most the worker could be paid an hour within the caps over the extra weeks (the least on any day the rules'
    /// figures change in them), as the rules decide it; over a year from the day after the placement now ends where
    /// no new end is given yet, or the one given cannot be an extension.
    /// </summary>
    public async Task<PayHeadroom?> ExtensionHeadroomAsync(int id, DateOnly? newEnd, CancellationToken cancellationToken)
    {
        var placement = await placements.FirstOrDefaultAsync(new PlacementWithHistorySpec(id, forUpdate: false), cancellationToken);
        if (placement is null) return null;
        var role = await jobRoles.FirstOrDefaultAsync(new JobRoleByIdSpec(placement.JobRoleId), cancellationToken);
        var area = (await names.ServiceAreasAsync(cancellationToken)).FirstOrDefault(a => a.Id == placement.ServiceAreaId);
        var agency = (await names.SupplyAgenciesAsync(cancellationToken)).FirstOrDefault(a => a.Id == placement.SupplyAgencyId);
        if (role is null || area is null || agency is null) return null;
        var terms = new PayRateTerms(role, area.IsChildrensServices, agency.Kind, agency.MarginRate, placement.Rates.PayRate, placement.WeeklyHours);
        var from = placement.PlannedEndDate.AddDays(1);
        var until = newEnd is { } end && end >= from && end <= from.AddYears(5) ? end : from.AddYears(1);
        return await payThrough.HeadroomThroughAsync(terms, from, until, Booking.BookingTerms.MostPayRate, cancellationToken);
    }

    public async Task<CommandResult> ExtendAsync(int id, int version, ExtensionInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!user.May(Permissions.ManagePlacements)) return CommandResult.Forbidden("Only recruiters extend placements.");
        var placement = await placements.FirstOrDefaultAsync(new PlacementWithHistorySpec(id, forUpdate: true), cancellationToken);
        if (placement is null) return CommandResult.NotFound();
        if (NotActive(placement) is { } closed) return closed;

        var (quote, decision) = await EvaluateExtensionAsync(placement, input, cancellationToken);
        if (quote.Errors.Count > 0)
        {
            await refusals.KeepAsync(RefusedChange.Extension, [decision?.Details], placement.RequisitionId, placement.WorkerId, placement.Id, cancellationToken);
            return CommandResult.Invalid(quote.Errors);
        }

        var now = clock.GetUtcNow();
        var record = decision!.Details.ToRecord(user.Name, now).About(requisitionId: placement.RequisitionId, workerId: placement.WorkerId);
        placements.ExpectVersion(placement, version);
        placement.Extend(input.NewEndDate!.Value, input.Reason!.Trim(), input.ApprovedBy!.Trim(), quote.SignOffBy, record, user.Name, now);
        // The worker's other placements were read before this save: an extension and a booking of the same worker at
        // once both claim the worker, as two bookings do, and the second is a conflict rather than an overlap.
        if (await workers.FirstOrDefaultAsync(new WorkerByIdSpec(placement.WorkerId, forUpdate: true), cancellationToken) is { } worker) workers.Claim(worker);
        return await SaveAsync(placement, cancellationToken);
    }

    /// <summary>
    /// Ends a placement that has started on the last day worked (today at the latest), or calls off one that has
    /// not started. Either way the reason is kept.
    /// </summary>
    public async Task<CommandResult> EndAsync(int id, int version, DateOnly? lastDay, string? reason, CancellationToken cancellationToken)
    {
        if (!user.May(Permissions.ManagePlacements)) return CommandResult.Forbidden("Only recruiters end placements.");
        var placement = await placements.FirstOrDefaultAsync(new PlacementWithHistorySpec(id, forUpdate: true), cancellationToken);
        if (placement is null) return CommandResult.NotFound();
        // A booking waiting for its sign-off has not started, so it can be called off.
        if (placement.Status != PlacementStatus.AwaitingSignOff && NotActive(placement) is { } closed) return closed;

        var today = clock.Today();
        var started = placement.StartDate <= today && placement.Status == PlacementStatus.Active;
        var errors = new FieldErrors();
        errors.Required(Fields.Reason, reason, started ? "Enter why the placement is ending early" : "Enter why the booking is called off");
        errors.Text(Fields.Reason, reason, Limits.Reason, "The reason");
        if (started)
        {
            if (lastDay is not { } last) errors.Add(Fields.LastDay, "Enter the last day worked");
            else if (last < placement.StartDate) errors.Add(Fields.LastDay, $"The last day worked must be on or after the start, {placement.StartDate:d MMMM yyyy}");
            else if (last > today) errors.Add(Fields.LastDay, "The last day worked must be today or earlier: record the end once the worker has left");
            else if (last > placement.PlannedEndDate) errors.Add(Fields.LastDay, $"The last day worked must be on or before the planned end, {placement.PlannedEndDate:d MMMM yyyy}");
        }
        if (errors.Any) return errors.ToResult();

        placements.ExpectVersion(placement, version);
        if (started) placement.End(lastDay!.Value, reason!.Trim(), user.Name, clock.GetUtcNow());
        else
        {
            // Called off before it started, the booking gives its position back to the requisition.
            var requisition = await requisitions.FirstOrDefaultAsync(new Shortlists.RequisitionWithShortlistSpec(placement.RequisitionId, forUpdate: true), cancellationToken);
            if (requisition is null) return CommandResult.NotFound();
            placement.Cancel(today, reason!.Trim(), requisition, user.Name, clock.GetUtcNow());
            await submissions.CalledOffAsync(placement.RequisitionId, placement.WorkerId, cancellationToken);
        }
        return await SaveAsync(placement, cancellationToken);
    }

    private async Task<(ExtensionQuote Quote, PlacementLengthDecision? Decision)> EvaluateExtensionAsync(Placement placement, ExtensionInput input, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var warnings = new List<string>();
        if (input.NewEndDate is not { } end) errors.Add(Fields.NewEndDate, "Enter the new planned end date");
        else if (end <= placement.PlannedEndDate) errors.Add(Fields.NewEndDate, $"The new end date must be after the current planned end, {placement.PlannedEndDate:d MMMM yyyy}");
        else if (end > placement.PlannedEndDate.AddYears(2)) errors.Add(Fields.NewEndDate, "The new end date must be within 2 years of the current planned end");
        errors.Required(Fields.Reason, input.Reason, "Enter why the placement is being extended");
        errors.Text(Fields.Reason, input.Reason, Limits.Reason, "The reason");
        errors.Name(Fields.ApprovedBy, input.ApprovedBy, Limits.Name, "The manager's name");
        if (placement.PendingExtension is { } pending)
            errors.Add(Fields.NewEndDate, $"An extension to {pending.NewEndDate:d MMMM yyyy} is waiting for sign-off by {SignOffs.SignOffPositions.InWords(string.Join("; ", placement.SignOffs.Where(s => s.ExtensionId == pending.Id && s.State == SignOffState.Awaiting).Select(s => s.Position)))}: it must be signed off or declined before another is asked for");
        if (input.NewEndDate is { } reaches && !errors.Has(Fields.NewEndDate)
            && await WorkerPlacementClash.ExtendingAsync(placements, placement, reaches, cancellationToken) is { } next)
            errors.Add(Fields.NewEndDate, next.StartDate > placement.PlannedEndDate
                ? $"The worker is booked on another placement from {next.StartDate:d MMMM yyyy} to {next.EndDate:d MMMM yyyy}: extend to {next.StartDate.AddDays(-1):d MMMM yyyy} at most"
                : $"The worker is booked on another placement from {next.StartDate:d MMMM yyyy} to {next.EndDate:d MMMM yyyy}, which overlaps these dates already");

        PlacementLengthDecision? decision = null;
        var beyondLimit = false;
        IReadOnlyList<string> unheld = [];
        if (input.NewEndDate is { } newEnd && !errors.Has(Fields.NewEndDate))
        {
            var role = (await jobRoles.FirstOrDefaultAsync(new JobRoleByIdSpec(placement.JobRoleId), cancellationToken))!;
            var today = clock.Today();
            var awrWeeks = await AwrWeeksAsync(placement, today, cancellationToken);
            decision = await lengths.DecideAsync(PolicyFacts.Running(placement, role, newEnd, today, awrWeeks, isExtension: true, approvedBeyondLimit: false), cancellationToken);
            switch (decision.Outcome)
            {
                case PlacementLengthOutcome.Refused:
                    errors.Add(Fields.NewEndDate, string.Join(" ", decision.Details.Failed.Where(r => r.Outcome == nameof(PlacementLengthOutcome.Refused)).Select(r => r.Message)));
                    break;
                case PlacementLengthOutcome.NeedsApproval:
                    // Kept as decided, without an approval: it is what the posts read when they sign, and why they must.
                    beyondLimit = true;
                    unheld = await positions.UnheldAsync(decision.Approvers, cancellationToken);
                    break;
            }
            warnings.AddRange(decision.Flags.Select(f => f.Message));
            await CheckPayThroughAsync(placement, role, newEnd, errors, warnings, cancellationToken);
        }
        errors.Required(Fields.ApprovedBy, input.ApprovedBy, "Enter the name of the manager who agreed the extension");

        var check = decision is null ? null : RuleCheck.From(decision.Details, decision.Approvers);
        return (new ExtensionQuote(check, beyondLimit, errors.All.ToDictionary(), warnings, beyondLimit ? decision!.Approvers : null, unheld), decision);
    }

    /// <summary>
    /// The placement's rate held to the pay-rate rules over the extra weeks: decided on their first day and on each
    /// day the rules' figures change before the new end, priced with that day's on-costs. A rate below a new living
    /// wage cannot be extended into it; one over a cap is said, since the sign-off given at booking must cover it.
    /// </summary>
    private async Task CheckPayThroughAsync(Placement placement, JobRole role, DateOnly newEnd, FieldErrors errors, List<string> warnings, CancellationToken cancellationToken)
    {
        var area = (await names.ServiceAreasAsync(cancellationToken)).FirstOrDefault(a => a.Id == placement.ServiceAreaId);
        var agency = (await names.SupplyAgenciesAsync(cancellationToken)).FirstOrDefault(a => a.Id == placement.SupplyAgencyId);
        if (area is null || agency is null) return;
        var terms = new PayRateTerms(role, area.IsChildrensServices, agency.Kind, agency.MarginRate, placement.Rates.PayRate, placement.WeeklyHours);
        var (_, worst) = await payThrough.ThroughAsync(terms, placement.PlannedEndDate.AddDays(1), newEnd, cancellationToken);
        var failed = string.Join(" ", worst.Decision.Details.Failed.Where(r => r.Outcome == worst.Decision.Outcome.ToString()).Select(r => r.Message));
        switch (worst.Decision.Outcome)
        {
            case PayRateOutcome.Refused:
                errors.Add(Fields.NewEndDate, worst.Day > placement.PlannedEndDate.AddDays(1)
                    ? $"From {worst.Day:d MMMM yyyy}, when the pay-rate rules' figures change: {failed} Extend to {worst.Day.AddDays(-1):d MMMM yyyy} at the most, or end the placement and book again at a rate that holds."
                    : $"The rate of £{placement.Rates.PayRate:0.00} an hour cannot continue past {placement.PlannedEndDate:d MMMM yyyy}: {failed} End the placement and book again at a rate that holds.");
                break;
            case PayRateOutcome.NeedsException:
                warnings.Add($"From {worst.Day:d MMMM yyyy} the rate is over its cap: {failed} The sign-off given when it was booked must cover the extension ({worst.Decision.Approvers}).");
                break;
        }
    }

    private async Task<int> AwrWeeksAsync(Placement placement, DateOnly today, CancellationToken cancellationToken) =>
        (await awrPositions.OnAsync(placement.WorkerId, placement.JobRoleId, today, null, cancellationToken)).Weeks;

    private static CommandResult? NotActive(Placement placement) =>
        placement.Status == PlacementStatus.Active
            ? null
            : CommandResult.Conflict($"This placement is {Placement.Describe(placement.Status)}, so it cannot change. The page shows it as it is now.");

    private async Task<CommandResult> SaveAsync(Placement placement, CancellationToken cancellationToken)
    {
        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        return saved.IsConflict ? CommandResult.Conflict(saved.Conflict!) : CommandResult.Done(placement.Id);
    }
}
