using Connect2Luton.Domain.Common;
using Connect2Luton.Domain.SupplyAgencies;

namespace Connect2Luton.Domain.SupplyChain;

public enum SubmissionStatus
{
    Received,
    Shortlisted,
    NotTakenForward,
    Placed,
    Withdrawn,
}

/// <summary>
/// An agency putting one of its workers forward for a requisition released to it. The agency sees its status and
/// the reason if it is not taken forward; the recruiter decides on it from the shortlist.
/// </summary>
public sealed class Submission : AggregateRoot
{
    private Submission() { SubmittedBy = string.Empty; }

    public Submission(int requisitionId, int supplyAgencyId, SupplyAgencyKind tier, int workerId, string by, DateTimeOffset at, DateTimeOffset ownsCandidateUntil)
    {
        RequisitionId = Guard.Reference(requisitionId, "The requisition");
        SupplyAgencyId = Guard.Reference(supplyAgencyId, "The supply agency");
        WorkerId = Guard.Reference(workerId, "The worker");
        Tier = tier;
        SubmittedBy = Guard.Required(by, Limits.Actor);
        SubmittedAt = at;
        if (ownsCandidateUntil < at) throw new DomainRuleException("A submission cannot own its candidate for less than no time.");
        OwnsCandidateUntil = ownsCandidateUntil;
        Status = SubmissionStatus.Received;
    }

    public int RequisitionId { get; private set; }
    public int SupplyAgencyId { get; private set; }

    /// <summary>The agency's tier when it submitted, for reports by tier.</summary>
    public SupplyAgencyKind Tier { get; private set; }
    public int WorkerId { get; private set; }
    public string SubmittedBy { get; private set; }
    public DateTimeOffset SubmittedAt { get; private set; }

    /// <summary>Until then no other agency may put the same person forward for this requisition.</summary>
    public DateTimeOffset OwnsCandidateUntil { get; private set; }

    public SubmissionStatus Status { get; private set; }

    /// <summary>Why the recruiter did not take the candidate forward, or why the agency withdrew them; the agency sees it.</summary>
    public string? Reason { get; private set; }
    public string? DecidedBy { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }

    public bool IsLive => Status is SubmissionStatus.Received or SubmissionStatus.Shortlisted;

    /// <summary>Whether this submission still keeps other agencies from putting the same person forward.</summary>
    public bool OwnsCandidateAt(DateTimeOffset at) => Status != SubmissionStatus.Withdrawn && at < OwnsCandidateUntil;

    public void Shortlist(string by, DateTimeOffset at)
    {
        if (Status != SubmissionStatus.Received) throw new DomainRuleException($"Only a candidate just received can be shortlisted; this one is {Describe(Status)}.");
        Decide(SubmissionStatus.Shortlisted, null, by, at);
    }

    public void Decline(string reason, string by, DateTimeOffset at)
    {
        if (!IsLive) throw new DomainRuleException($"This candidate is {Describe(Status)}: there is nothing to decline.");
        Decide(SubmissionStatus.NotTakenForward, Guard.Required(reason, Limits.Reason, "The reason for not taking the candidate forward"), by, at);
    }

    public void Withdraw(string? reason, string by, DateTimeOffset at)
    {
        if (!IsLive) throw new DomainRuleException($"This candidate is {Describe(Status)}: they can no longer be withdrawn.");
        Decide(SubmissionStatus.Withdrawn, Guard.Optional(reason, Limits.Reason, "The reason for withdrawing"), by, at);
    }

    public void MarkPlaced(string by, DateTimeOffset at)
    {
        if (!IsLive) throw new DomainRuleException($"This candidate is {Describe(Status)}, so cannot be placed from this submission.");
        Decide(SubmissionStatus.Placed, null, by, at);
    }

    /// <summary>A booking from this submission was called off before it started: the candidate is shortlisted again.</summary>
    public void Unplace()
    {
        if (Status == SubmissionStatus.Placed) Status = SubmissionStatus.Shortlisted;
    }

    public static string Describe(SubmissionStatus status) => status switch
    {
        SubmissionStatus.Received => "received",
        SubmissionStatus.Shortlisted => "shortlisted",
        SubmissionStatus.NotTakenForward => "not taken forward",
        SubmissionStatus.Placed => "placed",
        _ => "withdrawn",
    };

    private void Decide(SubmissionStatus to, string? reason, string by, DateTimeOffset at)
    {
        Status = to;
        Reason = reason;
        DecidedBy = Guard.Required(by, Limits.Actor);
        DecidedAt = at;
    }
}
