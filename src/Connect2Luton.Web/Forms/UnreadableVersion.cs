using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Connect2Luton.Web.Forms;

/// <summary>
/// A form's hidden version (the one a change is made against) that cannot be read as a number was never one the
/// page sent: the request is refused before its handler runs. Read as 0, it would otherwise let a change through
/// against a record still at its first version, whatever the page then said about it.
/// </summary>
internal sealed class UnreadableVersion : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (!HttpMethods.IsGet(context.HttpContext.Request.Method)
            && context.ModelState.Any(entry => entry.Key.EndsWith("Version", StringComparison.Ordinal) && entry.Value is { Errors.Count: > 0 }))
        {
            context.Result = new BadRequestResult();
            return;
        }
        await next();
    }
}
