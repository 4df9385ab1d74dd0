using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Application.Common.Results;
using Connect2Luton.Application.Policies;
using Connect2Luton.Domain.Decisions;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Domain.Requisitions;
using Connect2Luton.Domain.Workers;

namespace Connect2Luton.Application.Placements.Booking;

/// <summary>What a booking came to, and the quote it was decided on, for the form to show when it is refused.</summary>
public sealed record BookingOutcome(CommandResult Result, PlacementQuote? Quote);

/// <summary>
/// Booking a shortlisted worker against an open requisition, on terms the rules have checked (<see cref="BookingTerms"/>).
/// A rate above a cap is refused, or booked to wait for the sign-offs of the posts the rule names, and goes on the
/// cap exception register. Both decisions are kept with the placement; a refused booking is kept for the refusals report.
/// </summary>
public sealed class PlacementBookingCommands(
    IRepository<Requisition> requisitions,
    IRepository<Placement> placements,
    IRepository<Worker> workers,
    BookingTerms terms,
    IUnitOfWork unitOfWork,
    Refusals refusals,
    SupplyChain.SubmissionPlacing submissions,
    SupplyChain.SubmissionClosing closing,
    ICurrentUser user,
    TimeProvider clock)
{
    /// <param name="booking">The case read for update (<see cref="BookingCases.LoadAsync"/>); null when there was none to read.</param>
    public async Task<BookingOutcome> BookAsync(BookingCase? booking, PlacementProposalInput input, int requisitionVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!user.May(Permissions.ManagePlacements)) return new(CommandResult.Forbidden("Only recruiters book placements."), null);
        if (booking is null) return new(CommandResult.NotFound(), null);
        var check = await terms.CheckAsync(booking, input, cancellationToken);
        if (!booking.Requisition.CanTakePlacement)
            return new(CommandResult.Conflict($"{BookingTerms.ClosedTo(booking.Requisition)}. The page shows it as it is now."), check.Quote);
        if (!booking.IsShortlisted)
            return new(CommandResult.Conflict($"{booking.Worker.FullName} is no longer on this requisition's shortlist."), check.Quote);
        if (!check.Quote.CanBeBooked)
        {
            await refusals.KeepAsync(RefusedChange.Booking, [check.Pay?.Details, check.Length?.Details], booking.Requisition.Id, booking.Worker.Id, null, cancellationToken);
            return new(CommandResult.Invalid(check.Quote.Errors), check.Quote);
        }

        var now = clock.GetUtcNow();
        var placement = Placement.Book(
            booking.Requisition, booking.Worker,
            new PlacementBooking(check.Quote.Rates!, input.WeeklyHours!.Value, input.StartDate!.Value, input.EndDate!.Value),
            check.CapException(input.CapReason?.Trim() ?? string.Empty), check.Records(user.Name, now, booking.Requisition.Id, booking.Worker.Id), user.Name, now);

        requisitions.ExpectVersion(booking.Requisition, requisitionVersion);
        // The clash check read the worker's other placements before this save: two bookings of one worker at once
        // (on two requisitions) both claim the worker, and the second is a conflict rather than a double booking.
        workers.Claim(booking.Worker);
        placements.Add(placement);
        await submissions.BookedAsync(booking.Requisition.Id, booking.Worker.Id, user.Name, now, cancellationToken);
        // Its last position taken, the requisition takes no more candidates: agencies' others waiting on it hear so in this save.
        if (booking.Requisition.Status == RequisitionStatus.Filled)
            await closing.RequisitionFilledAsync(booking.Requisition, user.Name, now, cancellationToken);
        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        // Either was saved by someone else meanwhile: most often the worker, booked on another requisition.
        return new(saved.IsConflict
            ? CommandResult.Conflict($"{booking.Worker.FullName} was booked, or this requisition changed, while you were working on this booking. Nothing has been saved: open the shortlist again to see them as they are now.")
            : CommandResult.Done(placement.Id), check.Quote);
    }
}
