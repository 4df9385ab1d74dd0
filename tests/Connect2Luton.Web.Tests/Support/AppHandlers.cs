using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Connect2Luton.Web.Tests.Support;

/// <summary>One way in: a page handler or endpoint, by method and route template, e.g. <c>POST /Requisitions/{id:int}?handler=Approve</c>.</summary>
public sealed record AppHandler(string Key, string Method, string Template, string? Name)
{
    /// <summary>The first segment of the route ("Requisitions"), which says what an <c>{id}</c> in it is the id of.</summary>
    public string Resource => Template.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? string.Empty;

    public bool HasRouteValues => Template.Contains('{', StringComparison.Ordinal);

    /// <summary>The address with the route values filled in by <paramref name="value"/> (given each value's name) and the handler added.</summary>
    public string Address(Func<string, string> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var segments = Template.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            if (!segments[i].StartsWith('{')) continue;
            segments[i] = value(segments[i].Trim('{', '}').Split(':')[0].TrimEnd('?'));
        }
        var path = string.Join('/', segments);
        return Name is null ? path : $"{path}?handler={Name}";
    }
}

public static class AppHandlers
{
    /// <summary>Every page's handlers (as Razor Pages compiles them) and every other endpoint the app maps.</summary>
    public static async Task<IReadOnlyList<AppHandler>> AllAsync(IServiceProvider services)
    {
        var endpoints = services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var loader = services.GetRequiredService<PageLoader>();
        var handlers = new List<AppHandler>();
        foreach (var endpoint in endpoints)
        {
            var template = "/" + endpoint.RoutePattern.RawText?.TrimStart('/');
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                var compiled = await loader.LoadAsync(page, endpoint.Metadata);
                foreach (var method in compiled.HandlerMethods)
                {
                    var verb = method.HttpMethod.ToUpperInvariant();
                    handlers.Add(new AppHandler($"{verb} {template}{(method.Name is null ? string.Empty : $"?handler={method.Name}")}", verb, template, method.Name));
                }
            }
            else
            {
                foreach (var verb in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                    handlers.Add(new AppHandler($"{verb} {template}", verb, template, null));
            }
        }
        // A page reached at two addresses (Index at "/" and "/Index") is one page: try it at its shorter one.
        return handlers.GroupBy(h => h.Key).Select(g => g.First())
            .Where(h => !h.Template.EndsWith("/Index", StringComparison.Ordinal)).ToList();
    }
}
