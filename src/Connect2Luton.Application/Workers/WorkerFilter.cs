using Connect2Luton.Domain.JobRoles;

namespace Connect2Luton.Application.Workers;

public enum ComplianceFilter
{
    /// <summary>Right to work or registration missing, expired or ending within 30 days, or no DBS certificate.</summary>
    NeedsAttention,
    InOrder,
}

/// <summary>What the workers list is narrowed to; every part optional.</summary>
public sealed record WorkerFilter(string? Name = null, string? Postcode = null, JobFamily? JobFamily = null, ComplianceFilter? Compliance = null);
