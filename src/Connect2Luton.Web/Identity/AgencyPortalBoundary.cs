using Connect2Luton.Application.Common.Identity;

namespace Connect2Luton.Web.Identity;

/// <summary>
/// Agency staff see the agency portal and their own account, and nothing of the council's side: every other page is
/// not found for them (never "access denied", which would say it is there), and the home page is the portal's.
/// Checked for every request, so a council page added later is closed to them without anyone remembering to.
/// </summary>
internal static class AgencyPortalBoundary
{
    public const string Home = "/Agency";

    private static readonly string[] Open = [Home, "/Account", "/Status", "/Error", "/health"];

    public static IApplicationBuilder UseAgencyPortalBoundary(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            var user = context.User;
            if (user.Identity?.IsAuthenticated != true || !Access.Allows(user.IsInRole, Permissions.SupplyCandidates)) return next();
            var path = context.Request.Path;
            if (path == "/" || !path.HasValue)
            {
                context.Response.Redirect(Home);
                return Task.CompletedTask;
            }
            if (Open.Any(open => path.StartsWithSegments(open, StringComparison.OrdinalIgnoreCase))) return next();
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
}
