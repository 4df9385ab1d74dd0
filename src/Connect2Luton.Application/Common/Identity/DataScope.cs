namespace Connect2Luton.Application.Common.Identity;

/// <summary>
/// Which records a user sees, decided here and nowhere else: those who may see every service (<see cref="Access"/>)
/// see every service's; those who act for their own service see its records; anyone else none. Every list, report,
/// page and command that limits records by service asks this, so a new kind of user (an agency, another hiring
/// organisation) is one change here.
/// </summary>
public sealed class DataScope(ICurrentUser user)
{
    public bool SeesEveryService => user.May(Permissions.SeeEveryService);

    /// <summary>Stands for "no service" where a user is limited to none: no record has it, so a query finds nothing.</summary>
    public const int NoServiceArea = -1;

    /// <summary>The one service the user is limited to (<see cref="NoServiceArea"/> for none), or null when they see every service.</summary>
    public int? OnlyServiceArea =>
        SeesEveryService ? null : user.May(Permissions.ActForOwnService) && user.ServiceAreaId is { } own ? own : NoServiceArea;

    /// <summary>The services whose records the user sees; null for every one.</summary>
    public IReadOnlyCollection<int>? ServiceAreas => OnlyServiceArea is { } only ? [only] : null;

    public bool Sees(int serviceAreaId) => ServiceAreas is not { } areas || areas.Contains(serviceAreaId);

    /// <summary>
    /// The one agency whose released requisitions and candidates the user sees (<see cref="NoSupplyAgency"/> for an
    /// agency user whose account names none); null for everyone else, who see no agency's portal.
    /// </summary>
    public int? OnlySupplyAgency => user.May(Permissions.SupplyCandidates) ? user.SupplyAgencyId ?? NoSupplyAgency : null;

    public const int NoSupplyAgency = -1;

    /// <summary>The services a list or report is limited to: the user's own if they are limited, else the one chosen (null: all).</summary>
    public IReadOnlyCollection<int>? Within(int? chosen) => ServiceAreas ?? (chosen is { } area ? [area] : null);
}
