using Connect2Luton.Application.Common.Identity;

namespace Connect2Luton.Application.Reports;

/// <summary>
/// Whose figures a reader sees: a hiring manager their own service's only, whatever they ask for; recruiters,
/// policy officers and admins every service, or the one they choose.
/// </summary>
public sealed class ReportScope(ICurrentUser user)
{
    public bool IsOwnServiceOnly => user.IsInRole(Roles.HiringManager) && !user.IsInRole(Roles.Admin) && !user.IsInRole(Roles.Recruiter) && !user.IsInRole(Roles.PolicyOfficer);

    /// <summary>The services to count, or null for all of them. A hiring manager with no service sees none.</summary>
    public IReadOnlyCollection<int>? ServiceAreas(int? chosen) =>
        IsOwnServiceOnly ? [user.ServiceAreaId ?? -1] : chosen is { } area ? [area] : null;

    /// <summary>The service the figures are for, as a reader sees it chosen (a hiring manager's own).</summary>
    public int? ServiceArea(int? chosen) => IsOwnServiceOnly ? user.ServiceAreaId : chosen;
}
