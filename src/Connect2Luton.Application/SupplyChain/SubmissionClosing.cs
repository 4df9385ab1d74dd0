using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Domain.Common;
using Connect2Luton.Domain.Requisitions;
using Connect2Luton.Domain.SupplyChain;

namespace Connect2Luton.Application.SupplyChain;

/// <summary>
/// Keeps an agency's view of its candidates in step when the council stops considering them: taken off the
/// shortlist, the submission is not taken forward with the recruiter's reason; the requisition cancelled, or filled by
/// its last booking, every candidate still waiting or shortlisted for it is not taken forward, saying so. Staged for
/// the caller's save, so the agency, the shortlist page and the supplier report never disagree about where a
/// candidate stands.
/// </summary>
public sealed class SubmissionClosing(IRepository<Submission> submissions)
{
    public const string Cancelled = "The council cancelled this vacancy";
    public const string Filled = "The council filled this vacancy.";

    public async Task RemovedFromShortlistAsync(int requisitionId, int workerId, string reason, string by, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (await submissions.FirstOrDefaultAsync(new LiveSubmissionSpec(requisitionId, workerId, SubmissionStatus.Shortlisted), cancellationToken) is { } submission)
            submission.Decline(reason, by, at);
    }

    public async Task RequisitionCancelledAsync(int requisitionId, string reason, string by, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var why = CancelledBecause(reason);
        foreach (var submission in await submissions.ListAsync(new LiveSubmissionsForSpec(requisitionId), cancellationToken))
            submission.Decline(why, by, at);
    }

    /// <summary>
    /// The booking that took the requisition's last position (loaded with its shortlist, for update) leaves every
    /// other agency candidate still waiting or shortlisted for it not taken forward, and off its shortlist. The
    /// candidate just booked is placed already (staged, not yet saved), so is passed over.
    /// </summary>
    public async Task RequisitionFilledAsync(Requisition requisition, string by, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requisition);
        // Were that booking called off, or declined at sign-off, the position opens again but these stay closed:
        // their agencies have been told, and off the shortlist nobody books them without being put forward afresh.
        foreach (var submission in (await submissions.ListAsync(new LiveSubmissionsForSpec(requisition.Id), cancellationToken)).Where(s => s.IsLive))
        {
            if (requisition.Shortlist.Any(e => e.WorkerId == submission.WorkerId && e.Status == ShortlistEntryStatus.Shortlisted))
                requisition.RemoveFromShortlist(submission.WorkerId, by, at, Filled);
            submission.Decline(Filled, by, at);
        }
    }

    /// <summary>The reason an agency reads for a candidate whose vacancy was cancelled: the council's reason with it, cut to fit.</summary>
    public static string CancelledBecause(string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason)) return $"{Cancelled}.";
        var text = $"{Cancelled}: {reason.Trim()}";
        if (text.Length <= Limits.Reason) return text;
        // Cut between whole characters as people see them, never inside an emoji or an accented letter's parts.
        var keep = System.Globalization.StringInfo.ParseCombiningCharacters(text).LastOrDefault(start => start <= Limits.Reason - 1);
        return $"{text[..keep].TrimEnd()}…";
    }
}
