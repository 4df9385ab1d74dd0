namespace Connect2Luton.Domain.Placements;

/// <summary>
/// The sign-off that lets a rate above its cap stand: who approved it (for children's social work the DfE rules
/// ask for the Director of Children's Services and the Chief Executive), why, the cap, and the figure measured
/// against it (the pay rate, the charge rate, or pay plus on-costs for a DfE cap).
/// </summary>
public sealed record CapExceptionApproval(string Approvers, string Reason, decimal Cap, decimal Measured);
