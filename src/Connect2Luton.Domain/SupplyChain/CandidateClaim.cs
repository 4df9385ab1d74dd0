using Connect2Luton.Domain.Common;

namespace Connect2Luton.Domain.SupplyChain;

/// <summary>
/// One way of recognising a person (their email, phone, registration number, or name with date of birth), claimed
/// for one requisition by the submission that put them forward. A person has one claim per way per requisition (the
/// database holds it unique), so two agencies submitting the same person at once cannot both succeed. The key is a
/// hash: the claim says who was put forward without holding their details a second time.
/// </summary>
public sealed class CandidateClaim : AggregateRoot
{
    private CandidateClaim() { Key = string.Empty; }

    public CandidateClaim(int requisitionId, string key, Submission submission)
    {
        ArgumentNullException.ThrowIfNull(submission);
        RequisitionId = Guard.Reference(requisitionId, "The requisition");
        Key = Guard.Required(key, Limits.ContentHash, "The claim key");
        Submission = submission;
    }

    public int RequisitionId { get; private set; }
    public string Key { get; private set; }
    public int SubmissionId { get; private set; }
    public Submission Submission { get; private set; } = null!;

    /// <summary>
    /// The claim passes to a new submission once the one holding it no longer owns the candidate (withdrawn, or
    /// its period has run out).
    /// </summary>
    public void PassTo(Submission submission, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(submission);
        if (Submission.OwnsCandidateAt(at)) throw new DomainRuleException("This person is already put forward for this role.");
        Submission = submission;
    }
}
