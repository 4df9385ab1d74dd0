namespace Connect2Luton.Web;

/// <summary>The service navigation. A section appears here when its pages exist, so no link leads nowhere.</summary>
internal static class Navigation
{
    /// <summary>A section, and the roles that see it (everyone signed in when none are named).</summary>
    public sealed record Item(string Section, string Text, string Path, params string[] Roles)
    {
        public bool IsFor(System.Security.Claims.ClaimsPrincipal user) => Roles.Length == 0 || Roles.Any(user.IsInRole);
    }

    public static IReadOnlyList<Item> Items { get; } =
    [
        new("Dashboard", "Dashboard", "/"),
        new("Requisitions", "Requisitions", "/Requisitions"),
        new("Workers", "Workers", "/Workers", Application.Common.Identity.Roles.Recruiter, Application.Common.Identity.Roles.Admin),
        new("Placements", "Placements", "/Placements"),
        new("Conversions", "Conversions", "/Conversions", Application.Common.Identity.Roles.Recruiter, Application.Common.Identity.Roles.HiringManager, Application.Common.Identity.Roles.Admin),
        new("Reports", "Reports", "/Reports", Application.Common.Identity.Roles.HiringManager, Application.Common.Identity.Roles.Recruiter,
            Application.Common.Identity.Roles.PolicyOfficer, Application.Common.Identity.Roles.Admin),
        new("Rules", "Rules", "/Rules"),
        new("Jobs", "Scheduled jobs", "/Jobs", Application.Common.Identity.Roles.Admin),
    ];
}
