using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Connect2Luton.Web.Hosting;

/// <summary>
/// Councils host the app behind a proxy or load balancer that ends TLS. The scheme and client address it forwards
/// (X-Forwarded-Proto, X-Forwarded-For) are believed only from the proxies named in configuration
/// (<c>ForwardedHeaders:KnownProxies</c>, addresses, and <c>ForwardedHeaders:KnownNetworks</c>, such as
/// 10.0.0.0/24), besides this machine itself: anyone else could claim to be on HTTPS or at any address.
/// </summary>
internal static class BehindProxy
{
    public static IServiceCollection AddBehindProxy(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("ForwardedHeaders");
        // Read at start, so a mistyped address stops the app starting rather than failing its first request.
        var proxies = (section.GetSection("KnownProxies").Get<string[]>() ?? []).Select(proxy => IPAddress.TryParse(proxy, out var address)
            ? address
            : throw new InvalidOperationException($"ForwardedHeaders:KnownProxies has '{proxy}', which is not an IP address.")).ToList();
        var networks = (section.GetSection("KnownNetworks").Get<string[]>() ?? []).Select(network => System.Net.IPNetwork.TryParse(network, out var parsed)
            ? parsed
            : throw new InvalidOperationException($"ForwardedHeaders:KnownNetworks has '{network}', which is not a network such as 10.0.0.0/24.")).ToList();
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            proxies.ForEach(options.KnownProxies.Add);
            networks.ForEach(options.KnownIPNetworks.Add);
        });
        return services;
    }
}
