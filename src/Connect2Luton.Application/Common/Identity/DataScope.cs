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

    /// <summary>The one worker whose own record the user keeps (<see cref="NoWorker"/> for a worker account linked to none); null for everyone else.</summary>
    public int? OnlyWorker => user.May(Permissions.KeepOwnWorkerRecord) ? user.WorkerId ?? NoWorker : null;

    public const int NoWorker = -1;

    /// <summary>
    /// Whether the user may enter a week's hours for a placement of <paramref name="workerId"/> supplied by
    /// <paramref name="supplyAgencyId"/>: a worker their own, agency staff their agency's workers, recruiters anyone's.
    /// </summary>
    public bool EntersTimesheetsFor(int workerId, int supplyAgencyId)
    {
        if (!user.May(Permissions.EnterTimesheets)) return false;
        if (OnlyWorker is { } worker) return worker == workerId;
        if (OnlySupplyAgency is { } agency) return agency == supplyAgencyId;
        return SeesEveryService;
    }

    /// <summary>Whether the user approves or queries timesheets of <paramref name="serviceAreaId"/>.</summary>
    public bool ApprovesTimesheetsOf(int serviceAreaId) => user.May(Permissions.ApproveTimesheets) && OnlyServiceArea is { } only && only == serviceAreaId;

    /// <summary>The services a list or report is limited to: the user's own if they are limited, else the one chosen (null: all).</summary>
    public IReadOnlyCollection<int>? Within(int? chosen) => ServiceAreas ?? (chosen is { } area ? [area] : null);
}
