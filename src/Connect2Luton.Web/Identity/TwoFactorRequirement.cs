using System.Security.Claims;
using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Infrastructure.Identity;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;

namespace Connect2Luton.Web.Identity;

/// <summary>
/// Where the council requires it (<c>Authentication:RequireTwoFactor</c>), those who may change the rules or manage
/// accounts (policy officers and admins, as the access table has it) sign in with a second factor: until they have
/// set one up, every page but their account's own sends them to set it up.
/// </summary>
internal sealed class TwoFactorRequirement(IOptions<SignInSettings> options) : IAsyncPageFilter
{
    /// <summary>
    /// Whether the user's work requires a second factor on their local account, however this session began: what
    /// they may not turn off.
    /// </summary>
    public static bool RequiredOf(ClaimsPrincipal user, SignInSettings options)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(options);
        return options.RequireTwoFactor && user.Identity?.IsAuthenticated == true
            && (Access.Allows(user.IsInRole, Permissions.EditRules) || Access.Allows(user.IsInRole, Permissions.ManageUsers));
    }

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var user = context.HttpContext.User;
        var page = context.ActionDescriptor.ViewEnginePath;
        // A session begun through the council's provider has met the council's own rules for a second factor there.
        if (RequiredOf(user, options.Value) && !SingleSignOn.BeganThroughProvider(user) && user.FindFirst(AppClaimTypes.TwoFactor) is null
            && !page.StartsWith("/Account/", StringComparison.Ordinal) && page is not "/Error" and not "/Status")
        {
            context.Result = new Microsoft.AspNetCore.Mvc.RedirectToPageResult("/Account/TwoFactor");
            return;
        }
        await next();
    }
}
