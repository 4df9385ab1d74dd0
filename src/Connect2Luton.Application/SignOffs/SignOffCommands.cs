using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Application.Common.Results;
using Connect2Luton.Application.Common.Time;
using Connect2Luton.Application.Placements.Details;
using Connect2Luton.Application.Shortlists;
using Connect2Luton.Domain.Common;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Domain.Requisitions;
using Connect2Luton.Domain.SignOffs;

namespace Connect2Luton.Application.SignOffs;

/// <summary>
/// Giving or declining a sign-off, by someone who holds (or deputises for) its post when they sign. The placement
/// starts, or its extension takes effect, once every post has signed; a decline calls the request off.
/// </summary>
public sealed class SignOffCommands(
    IReadRepository<SignOff> signOffs,
    IRepository<Placement> placements,
    IRepository<Requisition> requisitions,
    IReadRepository<SignOffPosition> positions,
    IUnitOfWork unitOfWork,
    SupplyChain.SubmissionPlacing submissions,
    ICurrentUser user,
    TimeProvider clock)
{
    public const string NoteField = "Note";

    public Task<CommandResult> GiveAsync(int signOffId, int version, string? note, CancellationToken cancellationToken) =>
        DecideAsync(signOffId, version, note, give: true, cancellationToken);

    public Task<CommandResult> DeclineAsync(int signOffId, int version, string? reason, CancellationToken cancellationToken) =>
        DecideAsync(signOffId, version, reason, give: false, cancellationToken);

    private async Task<CommandResult> DecideAsync(int signOffId, int version, string? note, bool give, CancellationToken cancellationToken)
    {
        var placementId = await signOffs.FirstOrDefaultAsync(new SignOffByIdSpec(signOffId), cancellationToken);
        if (placementId == 0) return CommandResult.NotFound();
        var placement = await placements.FirstOrDefaultAsync(new PlacementWithHistorySpec(placementId, forUpdate: true), cancellationToken);
        var signOff = placement?.SignOffs.FirstOrDefault(s => s.Id == signOffId);
        if (placement is null || signOff is null) return CommandResult.NotFound();

        var post = (await positions.ListAsync(new AllPositionsSpec(), cancellationToken)).FirstOrDefault(p => string.Equals(p.Name, signOff.Position, StringComparison.OrdinalIgnoreCase));
        if (post is null || !post.IsHeldBy(user.Name))
            return CommandResult.Forbidden($"Only the {signOff.Position}, or their deputy, can sign this off.");
        var signer = string.Equals(post.HolderUserName, user.Name, StringComparison.OrdinalIgnoreCase) ? post.Holder! : post.Deputy!;

        var errors = new FieldErrors();
        if (!give) errors.Required(NoteField, note, "Enter why you are declining it: the recruiter and the service read this");
        errors.Text(NoteField, note, Limits.Reason, give ? "The note" : "The reason");
        if (errors.Any) return errors.ToResult();
        if (give && await ExtensionClashAsync(placement, signOff, cancellationToken) is { } clash) return CommandResult.Conflict(clash);

        placements.ExpectVersion(placement, version);
        var now = clock.GetUtcNow();
        try
        {
            if (give) placement.GiveSignOff(signOffId, signer, note, clock.Today(), now);
            else
            {
                var requisition = signOff.Subject == SignOffSubject.RateOverCap
                    ? await requisitions.FirstOrDefaultAsync(new RequisitionWithShortlistSpec(placement.RequisitionId, forUpdate: true), cancellationToken)
                    : null;
                placement.DeclineSignOff(signOffId, signer, note!, requisition, now);
                if (requisition is not null) await submissions.CalledOffAsync(placement.RequisitionId, placement.WorkerId, cancellationToken);
            }
        }
        catch (DomainRuleException refused)
        {
            return CommandResult.Conflict(refused.Message);
        }
        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        return saved.IsConflict
            ? CommandResult.Conflict($"This request changed while you were reading it (someone else signed or declined it, or it was called off). Nothing has been saved: the page shows it as it is now.")
            : CommandResult.Done(signOffId);
    }

    // A waiting extension does not hold the worker's later days (the shortlist and bookings read the placement's
    // planned end), so the worker may have been booked elsewhere meanwhile: the extension is not signed into force
    // over that booking, as it would not have been asked for over it.
    private async Task<string?> ExtensionClashAsync(Placement placement, SignOff signOff, CancellationToken cancellationToken)
    {
        if (signOff.ExtensionId is null || placement.PendingExtension is not { } pending || pending.Id != signOff.ExtensionId) return null;
        var next = await Workers.WorkerPlacementClash.ExtendingAsync(placements, placement, pending.NewEndDate, cancellationToken);
        return next is null ? null
            : $"This extension to {pending.NewEndDate:d MMMM yyyy} cannot be signed off: the worker has since been booked on another placement from {next.StartDate:d MMMM yyyy} to {next.EndDate:d MMMM yyyy}. "
              + $"Decline it with that reason; the recruiter can ask for an extension to {next.StartDate.AddDays(-1):d MMMM yyyy} at most.";
    }
}
