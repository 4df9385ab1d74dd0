using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Application.Common.Results;
using Connect2Luton.Application.Placements.Details;
using Connect2Luton.Application.Policies;
using Connect2Luton.Application.Timesheets;
using Connect2Luton.Domain.Placements;

namespace Connect2Luton.Application.Placements.Changes;

/// <summary>
/// Applies AWR pay parity to a placement in one step: from the day its worker is past the qualifying weeks, the least
/// the pay-rate rules allow a worker past them, decided by the rules as any rate is and kept with the decision. Weeks
/// already approved below it stay as they were and show as owed; weeks not yet approved are priced at it.
/// </summary>
public sealed class PayParityChange(
    IRepository<Placement> placements,
    AwrParity parity,
    PayRateThroughChanges payThrough,
    IUnitOfWork unitOfWork,
    ICurrentUser user,
    TimeProvider clock)
{
    public async Task<CommandResult> ApplyAsync(int placementId, int version, CancellationToken cancellationToken)
    {
        if (!user.May(Permissions.ManagePlacements)) return CommandResult.Forbidden("Only recruiters change a placement's rates.");
        var placement = await placements.FirstOrDefaultAsync(new PlacementWithHistorySpec(placementId, forUpdate: true), cancellationToken);
        if (placement is null) return CommandResult.NotFound();
        // An ended placement's last weeks are owed parity as much as a running one's.
        if (placement.Status is not (PlacementStatus.Active or PlacementStatus.Ended)) return CommandResult.Conflict("This placement did not run, so its rates do not change.");
        if (await parity.DueAsync(placement, cancellationToken) is not { } due)
            return CommandResult.Conflict("The worker is paid at least what the rules allow from the day AWR pay parity applies: there is nothing to change.");
        if (await parity.TermsAsync(placement, due.From, cancellationToken) is not { } terms)
            return CommandResult.Conflict("This placement's role, service or supplier is no longer on record, so its rate cannot be decided: ask an administrator.");

        var dated = await payThrough.OnAsync(terms with { PayRate = due.RateNeeded }, due.From, cancellationToken);
        if (dated.Decision.Outcome != PayRateOutcome.Allowed)
            return CommandResult.Conflict($"The pay-rate rules do not allow £{due.RateNeeded:0.00} an hour without more: {dated.Decision.Details.Failed.FirstOrDefault()?.Message} Change the rate with its sign-off instead.");
        var now = clock.GetUtcNow();
        var record = dated.Decision.Details.ToRecord(user.Name, now).About(requisitionId: placement.RequisitionId, workerId: placement.WorkerId);
        placements.ExpectVersion(placement, version);
        placement.ChangeRates(dated.Rates, due.From,
            $"AWR pay parity from {Domain.Timesheets.TimesheetChecks.Day(due.From)}: at least what the equivalent permanent post pays, as the pay-rate rules set it",
            null, record, user.Name, now);
        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        return saved.IsConflict ? CommandResult.Conflict(saved.Conflict!) : CommandResult.Done(placement.Id);
    }
}
