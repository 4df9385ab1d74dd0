using System.Net;
using Connect2Luton.Web.Tests.Support;

namespace Connect2Luton.Web.Tests.Account;

/// <summary>A production install: no demo data, no demo users, the first admin from configuration.</summary>
public sealed class ProductionFactory : Connect2LutonFactory
{
    protected override string Environment => "Production";

    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        new("Database:SeedDemoData", "false"),
        new("Identity:BootstrapAdmin:Email", "it.admin@luton.gov.example"),
        new("Identity:BootstrapAdmin:Password", "A-long-first-password-2026"),
    ];
}

public sealed class ProductionTests(ProductionFactory factory) : IClassFixture<ProductionFactory>
{
    [Fact]
    public async Task No_demo_user_exists_in_production()
    {
        var client = factory.CreateBrowser();
        var page = await client.GetPageAsync("/Account/SignIn");

        var response = await client.SubmitAsync(page, new Dictionary<string, string>
        {
            ["Input.Email"] = "admin@connect2luton.local",
            ["Input.Password"] = Browsing.DemoPassword,
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Browsing.ParseAsync(response)).QuerySelector("#Input_Email-error").ShouldNotBeNull();
    }

    [Fact]
    public async Task The_first_admin_from_configuration_signs_in_to_an_empty_dashboard()
    {
        var client = await factory.SignedInAsAsync("it.admin@luton.gov.example", "A-long-first-password-2026");

        var dashboard = await client.GetPageAsync("/");

        dashboard.Text("#live-placements .app-figure__value").ShouldBe("0");
    }
}
