using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Domain.SupplyChain;

namespace Connect2Luton.Application.SupplyChain;

/// <summary>
/// Keeps an agency's view of its candidate in step with the booking: booked from the shortlist, the submission is
/// placed; the booking called off or declined at sign-off before it started, shortlisted again. Staged for the
/// booking's own save, so the two never disagree.
/// </summary>
public sealed class SubmissionPlacing(IRepository<Submission> submissions)
{
    public async Task BookedAsync(int requisitionId, int workerId, string by, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (await submissions.FirstOrDefaultAsync(new LiveSubmissionSpec(requisitionId, workerId, SubmissionStatus.Shortlisted), cancellationToken) is { } submission)
            submission.MarkPlaced(by, at);
    }

    /// <remarks>
    /// Only this candidate goes back: others not taken forward when this booking filled the requisition stay so
    /// (<see cref="SubmissionClosing.RequisitionFilledAsync"/>).
    /// </remarks>
    public async Task CalledOffAsync(int requisitionId, int workerId, CancellationToken cancellationToken)
    {
        if (await submissions.FirstOrDefaultAsync(new LiveSubmissionSpec(requisitionId, workerId, SubmissionStatus.Placed), cancellationToken) is { } submission)
            submission.Unplace();
    }
}
