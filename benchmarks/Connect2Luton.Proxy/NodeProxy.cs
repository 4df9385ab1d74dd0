using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.LoadBalancing;
using Yarp.ReverseProxy.Transforms;

namespace Connect2Luton.Proxy;

/// <summary>
/// The load balancer a council puts in front of its app nodes, as small as will do: each request to the next node
/// in turn, a node that stops answering taken out of the turn (its connections refused or reset, or /health failing
/// twice two seconds apart) and put back once /health answers again. A GET the dead node never answered goes to the
/// next node, as reading a page again is harmless; any other request is not sent again, since the dead node may
/// have saved it, and is answered 502 at once with a page saying so. Nothing waits on a dead node.
/// </summary>
public static class NodeProxy
{
    /// <summary>The response header naming the node that answered (node1, node2, ... in the order given).</summary>
    public const string NodeHeader = "X-Connect2Luton-Node";

    /// <summary>Set on an answer the proxy made itself because no node answered: what happened, in a word.</summary>
    public const string FailureHeader = "X-Connect2Luton-Proxy-Failure";

    public static WebApplication Build(string[] args, IReadOnlyList<Uri> nodes)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        if (nodes.Count == 0) throw new ArgumentException("Name at least one node to send requests to (--nodes http://127.0.0.1:5101,http://127.0.0.1:5102).", nameof(nodes));
        var builder = WebApplication.CreateBuilder(args);
        // A node down is expected here, and said once a request by FailOver: not each probe's and forward's stack trace.
        builder.Logging.AddFilter("Yarp.ReverseProxy.Health", LogLevel.Error).AddFilter("Yarp.ReverseProxy.Forwarder", LogLevel.Error);
        // Failures are counted over 5 s rather than YARP's minute: a minute of a busy node's successes would keep it
        // in the turn for seconds after it died.
        builder.Services.Configure<TransportFailureRateHealthPolicyOptions>(o => o.DetectionWindowSize = TimeSpan.FromSeconds(5));
        builder.Services.AddReverseProxy()
            .LoadFromMemory([new RouteConfig { RouteId = "app", ClusterId = "nodes", Match = new RouteMatch { Path = "{**path}" } }], [Cluster(nodes)])
            .AddTransforms(transforms => transforms.AddResponseTransform(answer =>
            {
                if (answer.HttpContext.GetReverseProxyFeature().ProxiedDestination is { } node) answer.HttpContext.Response.Headers[NodeHeader] = node.DestinationId;
                return ValueTask.CompletedTask;
            }));
        var app = builder.Build();
        app.MapReverseProxy(pipeline =>
        {
            pipeline.Use(FailOver.SendAsync);
            pipeline.UseLoadBalancing();
            pipeline.UsePassiveHealthChecks();
        });
        return app;
    }

    /// <summary>Where a started proxy listens (the port chosen, where it was asked for port 0).</summary>
    public static Uri Address(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    private static ClusterConfig Cluster(IReadOnlyList<Uri> nodes) => new()
    {
        ClusterId = "nodes",
        LoadBalancingPolicy = LoadBalancingPolicies.RoundRobin,
        Destinations = nodes.Select((node, i) => (Id: $"node{i + 1}", Node: node))
            .ToDictionary(n => n.Id, n => new DestinationConfig { Address = n.Node.ToString() }, StringComparer.Ordinal),
        HealthCheck = new HealthCheckConfig
        {
            // Passive: a node whose connections fail is out of the turn at once, for 10 s, then tried again.
            Passive = new PassiveHealthCheckConfig { Enabled = true, Policy = HealthCheckConstants.PassivePolicy.TransportFailureRate, ReactivationPeriod = TimeSpan.FromSeconds(10) },
            // Active: /health every 2 s; two failures in a row (an unhealthy app, or nothing listening) take it
            // out, one success puts it back. A node starting again answers /health only once it can serve.
            Active = new ActiveHealthCheckConfig
            {
                Enabled = true,
                Interval = TimeSpan.FromSeconds(2),
                Timeout = TimeSpan.FromSeconds(2),
                Policy = HealthCheckConstants.ActivePolicy.ConsecutiveFailures,
                Path = "/health",
            },
        },
        // The app's slowest pages answer in a few seconds under load; a node that says nothing for 20 s is as good as
        // dead, and its request is answered 504 before a client's own timeout (often 30 s) gives up on it.
        HttpRequest = new ForwarderRequestConfig { ActivityTimeout = TimeSpan.FromSeconds(20) },
        // Out of the turn once 30% of its requests in the window fail to connect; a killed node fails every one.
        Metadata = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["TransportFailureRateHealthPolicy.RateLimit"] = "0.3",
            ["ConsecutiveFailuresHealthPolicy.Threshold"] = "2",
        },
    };
}
