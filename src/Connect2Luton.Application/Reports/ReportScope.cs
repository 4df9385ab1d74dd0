using Connect2Luton.Application.Common.Identity;

namespace Connect2Luton.Application.Reports;

/// <summary>
/// Whose figures a reader sees: a hiring manager their own service's only, whatever they ask for; recruiters,
/// policy officers and admins every service, or the one they choose.
/// </summary>
public sealed class ReportScope(DataScope scope)
{
    public bool IsOwnServiceOnly => !scope.SeesEveryService;

    /// <summary>The services to count, or null for all of them. A hiring manager with no service sees none.</summary>
    public IReadOnlyCollection<int>? ServiceAreas(int? chosen) => scope.Within(chosen);

    /// <summary>The service the figures are for, as a reader sees it chosen (a hiring manager's own).</summary>
    public int? ServiceArea(int? chosen) => IsOwnServiceOnly ? scope.OnlyServiceArea is DataScope.NoServiceArea ? null : scope.OnlyServiceArea : chosen;

    /// <summary>A set of services (<see cref="ServiceAreas"/>) as part of a cache key: "all", or the ids in order.</summary>
    public static string KeyOf(IReadOnlyCollection<int>? serviceAreaIds) => serviceAreaIds is null ? "all" : string.Join(',', serviceAreaIds.Order());
}
