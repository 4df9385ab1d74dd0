namespace Connect2Luton.Domain.Placements;

/// <summary>
/// The sign-off that lets a rate above its cap stand: who approved it (for children's social work the DfE rules
/// ask for the Director of Children's Services and the Chief Executive), why, and the cap it exceeds.
/// </summary>
public sealed record CapExceptionApproval(string Approvers, string Reason, decimal Cap);
