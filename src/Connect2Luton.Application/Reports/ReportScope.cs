using Connect2Luton.Application.Common.Identity;

namespace Connect2Luton.Application.Reports;

/// <summary>
/// Whose figures a reader sees: a hiring manager their own service's only, whatever they ask for; recruiters,
/// policy officers and admins every service, or the one they choose.
/// </summary>
public sealed class ReportScope(DataScope scope)
{
    public bool IsOwnServiceOnly => !scope.SeesEveryService;

    // The services of the hiring organisation a reader chose, for the rest of the request; null: every organisation.
    private IReadOnlyCollection<int>? _organisation;

    /// <summary>The services to count, or null for all of them. A hiring manager with no service sees none.</summary>
    public IReadOnlyCollection<int>? ServiceAreas(int? chosen)
    {
        var within = scope.Within(chosen);
        if (_organisation is null) return within;
        return within is null ? _organisation : [.. within.Where(_organisation.Contains)];
    }

    /// <summary>Counts only the services of one hiring organisation from now on in this request (a report filtered by organisation).</summary>
    public void NarrowToOrganisation(IReadOnlyCollection<int> serviceAreaIds) => _organisation = [.. serviceAreaIds.Order()];

    /// <summary>The service the figures are for, as a reader sees it chosen (a hiring manager's own).</summary>
    public int? ServiceArea(int? chosen) => IsOwnServiceOnly ? scope.OnlyServiceArea is DataScope.NoServiceArea ? null : scope.OnlyServiceArea : chosen;

    /// <summary>A set of services (<see cref="ServiceAreas"/>) as part of a cache key: "all", or the ids in order.</summary>
    public static string KeyOf(IReadOnlyCollection<int>? serviceAreaIds) => serviceAreaIds is null ? "all" : string.Join(',', serviceAreaIds.Order());
}
