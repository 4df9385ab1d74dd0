using Connect2Luton.Application.Common.Identity;

namespace Connect2Luton.Web.Identity;

/// <summary>
/// Agency staff see the agency portal, and workers their own pages, with their own account, and nothing of the
/// council's side: every other page is not found for them (never "access denied", which would say it is there), and
/// the home page is their portal's. Checked for every request, so a council page added later is closed to them
/// without anyone remembering to.
/// </summary>
internal static class AgencyPortalBoundary
{
    public const string Home = "/Agency";

    public const string WorkerHome = "/Me";

    /// <summary>Each portal: the permission that puts a user in it, and its home.</summary>
    private static readonly (string Permission, string Home)[] Portals = [(Permissions.SupplyCandidates, Home), (Permissions.KeepOwnWorkerRecord, WorkerHome)];

    private static readonly string[] AlwaysOpen = ["/Account", "/Status", "/Error", "/health"];

    /// <summary>The home of the portal the user is kept in; null for the council's own staff.</summary>
    public static string? PortalOf(System.Security.Claims.ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Portals.FirstOrDefault(p => Access.Allows(user.IsInRole, p.Permission)).Home;
    }

    public static IApplicationBuilder UseAgencyPortalBoundary(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            var user = context.User;
            if (user.Identity?.IsAuthenticated != true || PortalOf(user) is not { } home) return next();
            var path = context.Request.Path;
            if (path == "/" || !path.HasValue)
            {
                context.Response.Redirect(home);
                return Task.CompletedTask;
            }
            if (path.StartsWithSegments(home, StringComparison.OrdinalIgnoreCase) || AlwaysOpen.Any(open => path.StartsWithSegments(open, StringComparison.OrdinalIgnoreCase))) return next();
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
}
