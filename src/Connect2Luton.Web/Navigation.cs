using Connect2Luton.Application.Common.Identity;

namespace Connect2Luton.Web;

/// <summary>The service navigation. A section appears here when its pages exist, so no link leads nowhere.</summary>
internal static class Navigation
{
    /// <summary>
    /// A section, and the permission its pages ask for. When none is named, everyone signed in on the council's side
    /// sees it; agency staff and workers see only their portal's sections.
    /// </summary>
    public sealed record Item(string Section, string Text, string Path, string? Permission = null)
    {
        public bool IsFor(System.Security.Claims.ClaimsPrincipal user) =>
            Permission is null ? Identity.AgencyPortalBoundary.PortalOf(user) is null : Access.Allows(user.IsInRole, Permission);
    }

    public static IReadOnlyList<Item> Items { get; } =
    [
        new("Dashboard", "Dashboard", "/"),
        new("Requisitions", "Requisitions", "/Requisitions"),
        new("Workers", "Workers", "/Workers", Permissions.ManageWorkers),
        new("Placements", "Placements", "/Placements"),
        new("Timesheets", "Timesheets", "/Timesheets", Permissions.SeeTimesheets),
        new("Conversions", "Conversions", "/Conversions", Permissions.HandleConversions),
        new("Reports", "Reports", "/Reports", Permissions.ReadReports),
        new("Rules", "Rules", "/Rules"),
        new("SignOffs", "Sign-offs", "/SignOffs"),
        new("Jobs", "Scheduled jobs", "/Jobs", Permissions.RunJobs),
        new("Admin", "Admin", "/Admin", Permissions.ManageUsers),
        new("AgencyVacancies", "Vacancies", "/Agency", Permissions.SupplyCandidates),
        new("AgencyCandidates", "Your candidates", "/Agency/Candidates", Permissions.SupplyCandidates),
        new("AgencySubmissions", "Put forward", "/Agency/Submissions", Permissions.SupplyCandidates),
        new("AgencyTimesheets", "Timesheets", "/Agency/Timesheets", Permissions.SupplyCandidates),
        new("MyTimesheets", "Your timesheets", "/Me", Permissions.KeepOwnWorkerRecord),
        new("MyDetails", "Your details", "/Me/Details", Permissions.KeepOwnWorkerRecord),
    ];
}
