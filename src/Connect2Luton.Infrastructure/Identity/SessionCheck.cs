using System.Security.Claims;
using Connect2Luton.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Connect2Luton.Infrastructure.Identity;

/// <summary>
/// Every signed-in request is checked against the user's security stamp as stored now. Identity itself checks
/// it every 30 minutes, so a cookie copied before its user signed out, changed their password or lost a role
/// would keep working until then; checked on each request (one indexed read), it stops at once, on every node.
/// </summary>
public static class SessionCheck
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var services = context.HttpContext.RequestServices;
        var claims = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        var id = context.Principal?.FindFirstValue(claims.UserIdClaimType);
        var stamp = context.Principal?.FindFirstValue(claims.SecurityStampClaimType);
        var current = id is null
            ? null
            : await services.GetRequiredService<AppDbContext>().Users.AsNoTracking().Where(u => u.Id == id).Select(u => u.SecurityStamp)
                .FirstOrDefaultAsync(context.HttpContext.RequestAborted);
        // Once the council turns email and password sign-in off, a session begun with a password ends too.
        var passwordsOff = !services.GetRequiredService<IOptions<SignInSettings>>().Value.LocalAccounts
            && context.Principal is { } principal && !SingleSignOn.BeganThroughProvider(principal);
        if (passwordsOff || current is null || stamp is null || !string.Equals(current, stamp, StringComparison.Ordinal))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }
        // Identity's own check then refreshes the cookie's roles and claims every half hour.
        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }
}
