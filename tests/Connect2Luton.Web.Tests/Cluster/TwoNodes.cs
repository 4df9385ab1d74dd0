using System.Net;
using Connect2Luton.Proxy;
using Connect2Luton.Testing;
using Connect2Luton.Web.Tests.Faults;
using Connect2Luton.Web.Tests.Support;
using Microsoft.AspNetCore.Builder;

namespace Connect2Luton.Web.Tests.Cluster;

/// <summary>
/// Two app nodes as a council runs them, on one machine: two processes of the built app on one SQLite file (WAL lets
/// them share it), each serving its own copy of rules/, node A running the scheduled jobs and node B not
/// (Scheduling:RunJobs=false), both behind the round-robin proxy (Connect2Luton.Proxy, in the test's process). The
/// session keys are the database's, so neither node keeps any of its own on disk. Both nodes are started at once,
/// as a deployment starts them. Address a node directly (<see cref="NodeA"/>, <see cref="NodeB"/>) to be sure
/// which one answers, or the proxy to be served by either; each answer through the proxy names its node
/// (<see cref="NodeProxy.NodeHeader"/>: node1 is A, node2 is B).
/// </summary>
public sealed class TwoNodes : IAsyncDisposable
{
    // Generous: on a busy two-core machine a first start migrates and seeds the demo data while the other node waits.
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(5);

    private readonly Dictionary<string, string> _settingsA;
    private readonly Dictionary<string, string> _settingsB;
    private WebApplication? _proxy;

    private TwoNodes(DatabaseFile database, RuleFolderCopy rulesA, RuleFolderCopy rulesB, IReadOnlyDictionary<string, string> settings)
    {
        Database = database;
        RulesA = rulesA;
        RulesB = rulesB;
        _settingsA = new Dictionary<string, string>(settings) { ["Rules:Directory"] = rulesA.Directory, ["Scheduling:RunJobs"] = "true", ["Cluster:NodeName"] = "node A" };
        _settingsB = new Dictionary<string, string>(settings) { ["Rules:Directory"] = rulesB.Directory, ["Scheduling:RunJobs"] = "false", ["Cluster:NodeName"] = "node B" };
    }

    public DatabaseFile Database { get; }

    /// <summary>Node A's own copy of rules/: change a file here and only node A's folder changes.</summary>
    public RuleFolderCopy RulesA { get; }

    public RuleFolderCopy RulesB { get; }

    public AppProcess NodeA { get; private set; } = null!;

    public AppProcess NodeB { get; private set; } = null!;

    /// <summary>Where the proxy listens: each request goes to the next node that is up.</summary>
    public Uri Proxy { get; private set; } = null!;

    /// <summary>
    /// Starts both nodes at once on a new, empty database file (each migrates and seeds it, or waits for the other
    /// to), then the proxy in front of them, and returns once both say /health is healthy.
    /// </summary>
    /// <param name="settings">Configuration both nodes get (Development, SQLite and their own rules/ come with it).</param>
    public static async Task<TwoNodes> StartAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        var nodes = new TwoNodes(DatabaseFile.New("two-nodes"), RuleFiles.Copy(), RuleFiles.Copy(), settings ?? new Dictionary<string, string>());
        try
        {
            var a = AppProcess.StartAsync(nodes.Database.Path, nodes._settingsA, StartTimeout);
            var b = AppProcess.StartAsync(nodes.Database.Path, nodes._settingsB, StartTimeout);
            // Both awaited, so neither is left running unowned when the other fails to start.
            await Task.WhenAll(a.ContinueWith(_ => { }, TaskScheduler.Default), b.ContinueWith(_ => { }, TaskScheduler.Default));
            if (a.IsCompletedSuccessfully) nodes.NodeA = a.Result;
            if (b.IsCompletedSuccessfully) nodes.NodeB = b.Result;
            await Task.WhenAll(a, b);
            await WaitUntilHealthyAsync(nodes.NodeA);
            await WaitUntilHealthyAsync(nodes.NodeB);

            nodes._proxy = NodeProxy.Build(["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default", "Warning"], [nodes.NodeA.Address, nodes.NodeB.Address]);
            await nodes._proxy.StartAsync();
            nodes.Proxy = NodeProxy.Address(nodes._proxy);
            return nodes;
        }
        catch
        {
            await nodes.DisposeAsync();
            throw;
        }
    }

    /// <summary>What a power cut does to node A: SIGKILL, nothing flushed. The proxy finds out as a load balancer would.</summary>
    public Task KillNodeAAsync() => NodeA.KillAsync();

    /// <summary>Node A started again on its own address, rules/ and settings, once it says it is healthy.</summary>
    public async Task RestartNodeAAsync()
    {
        await NodeA.DisposeAsync();
        NodeA = await AppProcess.StartAsync(Database.Path, _settingsA, StartTimeout, NodeA.Address);
        await WaitUntilHealthyAsync(NodeA);
    }

    /// <summary>
    /// A browser-like client of one address (a node's own, or the proxy's) with the cookies given, so one person's
    /// session can be taken from one node to the other; redirects are not followed.
    /// </summary>
    public static HttpClient Browser(Uri address, CookieContainer cookies) =>
        new(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>Signs in as a demo user at the address given, with the cookies given.</summary>
    public static async Task<HttpClient> SignedInAsync(Uri address, CookieContainer cookies, string email)
    {
        var client = Browser(address, cookies);
        var page = await client.GetPageAsync("/Account/SignIn");
        using var response = await client.SubmitAsync(page, new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = Browsing.DemoPassword }, "/Account/SignIn");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"signing in as {email} at {address}");
        response.Headers.Location!.OriginalString.ShouldNotContain("SignIn", Case.Insensitive, $"signing in as {email} at {address}");
        return client;
    }

    private static async Task WaitUntilHealthyAsync(AppProcess node)
    {
        using var client = new HttpClient { BaseAddress = node.Address, Timeout = TimeSpan.FromSeconds(30) };
        var until = DateTime.UtcNow + StartTimeout;
        var said = string.Empty;
        while (DateTime.UtcNow < until)
        {
            using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));
            said = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == HttpStatusCode.OK) return;
            await Task.Delay(500);
        }
        throw new ShouldAssertException($"{node.Address} did not say it was healthy: {said}\n{node.Log}");
    }

    public async ValueTask DisposeAsync()
    {
        if (_proxy is not null) await _proxy.DisposeAsync();
        if (NodeA is not null) await NodeA.DisposeAsync();
        if (NodeB is not null) await NodeB.DisposeAsync();
        Database.Dispose();
        if (File.Exists(Database.Path + ".starting")) File.Delete(Database.Path + ".starting");
        RulesA.Dispose();
        RulesB.Dispose();
    }
}
