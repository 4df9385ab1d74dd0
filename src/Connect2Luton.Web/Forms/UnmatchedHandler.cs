using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Connect2Luton.Web.Forms;

/// <summary>
/// A request no handler of its page takes (a PUT, a made-up method, a handler name the page does not have) is
/// answered 405 or 404 instead of rendering the page with nothing loaded, or running its plain handler for a name it
/// does not have. A page with no handlers at all (the status page) is left to render.
/// </summary>
internal sealed class UnmatchedHandler : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var handlers = context.ActionDescriptor.HandlerMethods;
        if (context.HandlerMethod is { } chosen)
        {
            // Razor Pages lets a page's plain OnPost answer a handler name it does not have ("Chek" for "Check"),
            // which would book or save when only a check was asked for: a name asked for must be the one chosen.
            if (AskedFor(context.HttpContext, context.RouteData) is { Length: > 0 } asked && !string.Equals(chosen.Name, asked, StringComparison.OrdinalIgnoreCase))
            {
                context.Result = new NotFoundResult();
                return;
            }
            await next();
            return;
        }
        if (handlers.Count == 0)
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

    // Where Razor Pages reads the handler's name: the route, then the query string.
    private static string? AskedFor(HttpContext http, Microsoft.AspNetCore.Routing.RouteData route) =>
        route.Values.TryGetValue("handler", out var fromRoute) && fromRoute?.ToString() is { Length: > 0 } named ? named : http.Request.Query["handler"].FirstOrDefault();
}
