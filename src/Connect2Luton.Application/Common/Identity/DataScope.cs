namespace Connect2Luton.Application.Common.Identity;

/// <summary>
/// Which records a user sees, decided here and nowhere else: recruiters, admins and policy officers see every
/// service's; a hiring manager their own service's; anyone else none. Every list, report, page and command that
/// limits records by service asks this, so a new kind of user (an agency, another hiring organisation) is one
/// change here.
/// </summary>
public sealed class DataScope(ICurrentUser user)
{
    public bool SeesEveryService => user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Recruiter) || user.IsInRole(Roles.PolicyOfficer);

    /// <summary>The services whose records the user sees; null for every one. Empty for none.</summary>
    public IReadOnlyCollection<int>? ServiceAreas =>
        SeesEveryService ? null : user.IsInRole(Roles.HiringManager) && user.ServiceAreaId is { } own ? [own] : [];

    /// <summary>The one service the user is limited to (-1 when limited to none), or null when they see every service.</summary>
    public int? OnlyServiceArea => ServiceAreas switch
    {
        null => null,
        { Count: 1 } one => one.First(),
        _ => -1,
    };

    public bool Sees(int serviceAreaId) => ServiceAreas is not { } areas || areas.Contains(serviceAreaId);

    /// <summary>The services a list or report is limited to: the user's own if they are limited, else the one chosen (null: all).</summary>
    public IReadOnlyCollection<int>? Within(int? chosen) => ServiceAreas ?? (chosen is { } area ? [area] : null);
}
