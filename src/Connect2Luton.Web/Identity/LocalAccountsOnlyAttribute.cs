using Connect2Luton.Infrastructure.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;

namespace Connect2Luton.Web.Identity;

/// <summary>
/// A page about passwords or authenticator apps, which do not exist where the council has turned local accounts off:
/// there it is not found, whatever is posted to it.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
internal sealed class LocalAccountsOnlyAttribute : Attribute, IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (!context.HttpContext.RequestServices.GetRequiredService<IOptions<SignInSettings>>().Value.LocalAccounts)
        {
            context.Result = new NotFoundResult();
            return;
        }
        await next();
    }
}
