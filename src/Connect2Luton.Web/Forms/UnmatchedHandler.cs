using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Connect2Luton.Web.Forms;

/// <summary>
/// A request no handler of its page takes (a PUT, a made-up method, a handler name the page does not have) is
/// answered 405 or 404 instead of rendering the page with nothing loaded. Razor Pages would otherwise run the page
/// without a handler. A page with no handlers at all (the status page) is left to render.
/// </summary>
internal sealed class UnmatchedHandler : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var handlers = context.ActionDescriptor.HandlerMethods;
        if (context.HandlerMethod is not null || handlers.Count == 0)
        {
            await next();
            return;
        }
        var method = context.HttpContext.Request.Method;
        if (handlers.Any(h => string.Equals(h.HttpMethod, method, StringComparison.OrdinalIgnoreCase)))
        {
            // The method is one the page takes, under another handler name: there is no such thing to do here.
            context.Result = new NotFoundResult();
            return;
        }
        context.HttpContext.Response.Headers.Allow = string.Join(", ", handlers.Select(h => h.HttpMethod.ToUpperInvariant()).Distinct().Order(StringComparer.Ordinal));
        context.Result = new StatusCodeResult(StatusCodes.Status405MethodNotAllowed);
    }
}
