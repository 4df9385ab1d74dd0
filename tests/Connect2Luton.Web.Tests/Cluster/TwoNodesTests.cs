using System.Net;
using Connect2Luton.Proxy;
using Connect2Luton.Web.Tests.Support;

namespace Connect2Luton.Web.Tests.Cluster;

/// <summary>Two nodes on one database behind a load balancer, started together as a deployment starts them.</summary>
public sealed class TwoNodesTests(TwoNodesTests.Started cluster) : IClassFixture<TwoNodesTests.Started>
{
    private TwoNodes Nodes => cluster.Nodes;

    [Fact]
    public async Task Two_nodes_started_at_once_on_a_new_database_both_come_up_and_it_is_migrated_and_seeded_once()
    {
        foreach (var node in new[] { Nodes.NodeA, Nodes.NodeB })
            node.Log.Split('\n').ShouldNotContain(line => line.StartsWith("fail:", StringComparison.Ordinal) || line.StartsWith("crit:", StringComparison.Ordinal), node.Log);

        (await Nodes.Database.ScalarAsync("SELECT COUNT(*) - COUNT(DISTINCT MigrationId) FROM __EFMigrationsHistory")).ShouldBe(0);
        // The demo data is the same every time it is made (one seed), so seeding twice would store each worker twice.
        (await Nodes.Database.ScalarAsync("SELECT COUNT(*) FROM Workers")).ShouldBeGreaterThan(100);
        (await Nodes.Database.ScalarAsync("SELECT COUNT(*) - COUNT(DISTINCT Email) FROM Workers")).ShouldBe(0, "the demo data is seeded once");
        (await Nodes.Database.ScalarAsync("SELECT COUNT(*) - COUNT(DISTINCT NormalizedEmail) FROM AspNetUsers")).ShouldBe(0);
        (await Nodes.Database.ScalarAsync("SELECT COUNT(*) - COUNT(DISTINCT NormalizedName) FROM AspNetRoles")).ShouldBe(0);
        (await SchedulerOnAsync(Nodes.NodeA.Address)).ShouldNotStartWith("Not run on this node");
        (await SchedulerOnAsync(Nodes.NodeB.Address)).ShouldStartWith("Not run on this node");
    }

    [Fact]
    public async Task A_recruiter_signed_in_on_node_A_is_signed_in_on_node_B_and_a_form_opened_on_A_saves_on_B()
    {
        var cookies = new CookieContainer();
        var onA = await TwoNodes.SignedInAsync(Nodes.NodeA.Address, cookies, "recruiter@connect2luton.local");
        // The session cookie as the browser holds it, sent to the other node (a cookie's site is its host, not its port).
        cookies.Add(Nodes.NodeB.Address, cookies.GetCookies(Nodes.NodeA.Address));
        using var onB = TwoNodes.Browser(Nodes.NodeB.Address, cookies);

        using var placements = await onB.GetAsync(new Uri("/Placements", UriKind.Relative));
        placements.StatusCode.ShouldBe(HttpStatusCode.OK, "node B reads the session node A began");

        var worker = await Nodes.Database.ScalarAsync("SELECT MIN(Id) FROM Workers WHERE IsActive = 1");
        var form = await onA.GetPageAsync($"/Workers/{worker}/Edit");
        using var saved = await onB.SubmitAsync(form, new Dictionary<string, string> { ["Input.Phone"] = "07700 900127" }, $"/Workers/{worker}/Edit");
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, "node B takes the form node A gave, antiforgery token and all");
        (await Nodes.Database.ScalarAsync($"SELECT COUNT(*) FROM Workers WHERE Id = {worker} AND REPLACE(Phone, ' ', '') = '07700900127'")).ShouldBe(1);
    }

    [Fact]
    public async Task An_admin_signed_in_through_the_load_balancer_is_served_by_both_nodes_and_told_which_runs_the_jobs()
    {
        using var admin = await TwoNodes.SignedInAsync(Nodes.Proxy, new CookieContainer(), "admin@connect2luton.local");

        var served = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < 4; i++)
        {
            using var response = await admin.GetAsync(new Uri("/Jobs", UriKind.Relative));
            response.StatusCode.ShouldBe(HttpStatusCode.OK, "signed in whichever node answers");
            served[response.Headers.GetValues(NodeProxy.NodeHeader).Single()] = await response.Content.ReadAsStringAsync();
        }

        served.Keys.Order(StringComparer.Ordinal).ToList().ShouldBe(new List<string> { "node1", "node2" }, "each request goes to the next node");
        served["node1"].Contains("id=\"runs-elsewhere\"", StringComparison.Ordinal).ShouldBeFalse("node A runs the jobs");
        served["node1"].ShouldContain("Run now");
        served["node2"].ShouldContain("another server of Connect2Luton runs them");
    }

    private static async Task<string> SchedulerOnAsync(Uri node)
    {
        using var client = new HttpClient { BaseAddress = node };
        using var report = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync(new Uri("/health", UriKind.Relative)));
        return report.RootElement.GetProperty("checks").GetProperty("scheduler").GetProperty("description").GetString() ?? string.Empty;
    }

    /// <summary>The two nodes, started once for these tests.</summary>
    public sealed class Started : IAsyncLifetime
    {
        public TwoNodes Nodes { get; private set; } = null!;

        public async Task InitializeAsync() => Nodes = await TwoNodes.StartAsync();

        public async Task DisposeAsync()
        {
            if (Nodes is not null) await Nodes.DisposeAsync();
        }
    }
}
