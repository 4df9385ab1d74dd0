using System.Text.RegularExpressions;
using Connect2Luton.Web.Tests.Placements;
using Connect2Luton.Web.Tests.Support;
using Microsoft.Playwright;

namespace Connect2Luton.Web.Tests.Browser;

/// <summary>
/// A rate over its cap, from the recruiter who sees the headroom and books over it, to the two senior officers the
/// rule names, who each read the request and sign it off in the app, after which the placement starts. The recruiter,
/// made the Chief Executive's deputy by an admin, cannot sign their own booking. Every page passes axe.
/// </summary>
public sealed partial class SignOffJourneyTests(ChromiumFactory factory) : IClassFixture<ChromiumFactory>
{
    [BrowserFact]
    public async Task A_booking_over_the_DfE_cap_starts_once_the_Director_of_Childrens_Services_and_the_Chief_Executive_have_each_signed_it_off_and_never_by_its_own_recruiter()
    {
        var arranged = await PlacementArrangement.ShortlistedAsync(factory);

        var admin = await BrowserJourney.StartAsync(factory, "admin@connect2luton.local");
        await admin.GoAsync("/Admin/Positions");
        await admin.Page.ClickAsync("#posts a[href='/Admin/Positions/Edit?post=Chief%20Executive']");
        await admin.ArrivedAsync();
        await admin.Page.SelectOptionAsync("#Deputy", PlacementArrangement.Recruiter);
        await admin.Page.ClickAsync("main form button[type=submit]");
        await admin.ArrivedAsync();
        (await admin.Page.Locator("#posts tr:has-text('Chief Executive')").TextContentAsync()).ShouldNotBeNull().ShouldContain("Amira Hussain");
        await admin.EndAsync("sign-off-posts");

        var recruiter = await BrowserJourney.StartAsync(factory, PlacementArrangement.Recruiter);
        var page = recruiter.Page;
        await recruiter.GoAsync(arranged.BookingPath);
        (await page.Locator("#pay-headroom").TextContentAsync()).ShouldNotBeNull().ShouldContain("Up to £34.92 an hour needs no sign-off");
        await page.FillAsync("#Input_PayRate", "40");
        await page.Locator("#pay-rate-check [data-outcome='NeedsException']").WaitForAsync();
        (await page.Locator("#cap-exception-hint").TextContentAsync()).ShouldNotBeNull()
            .ShouldContain("waiting for sign-off by the Director of Children's Services and the Chief Executive");
        await page.FillAsync("#Input_CapReason", "Court deadline on Friday; no social worker within the cap has the child protection experience");
        await page.ClickAsync("#booking-form button[type=submit]");
        await page.WaitForURLAsync(PlacementPage(), new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit });
        await recruiter.ArrivedAsync();
        var placement = new Uri(page.Url).PathAndQuery;
        (await page.Locator("#status").TextContentAsync()).ShouldNotBeNull().ShouldContain("Waiting for sign-off");

        // Deputy for the Chief Executive, the recruiter finds nothing waiting for them (it is their own request), and
        // opening it they are told why they cannot sign it.
        await recruiter.GoAsync("/SignOffs");
        (await page.Locator("#awaiting a").Filter(new LocatorFilterOptions { HasText = arranged.WorkerName }).CountAsync()).ShouldBe(0);
        var placementId = int.Parse(placement.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        var chiefsPart = await PlacementArrangement.QueryAsync(factory, db =>
            db.Set<Domain.Placements.SignOff>().Single(s => s.PlacementId == placementId && s.Position == "Chief Executive").Id);
        await recruiter.GoAsync($"/SignOffs/{chiefsPart}");
        (await page.Locator("#cannot-sign").TextContentAsync()).ShouldNotBeNull().ShouldContain("You asked for this, so you cannot sign it off");
        (await page.Locator("#give-form").CountAsync()).ShouldBe(0);
        await recruiter.EndAsync("own-sign-off-refused");

        foreach (var (holder, post, name) in new[] { ("dcs@connect2luton.local", "Director of Children's Services", "director"), ("chief.executive@connect2luton.local", "Chief Executive", "chief-executive") })
        {
            var signer = await BrowserJourney.StartAsync(factory, holder);
            await signer.GoAsync("/");
            await signer.Page.ClickAsync("#sign-offs-waiting a[href='/SignOffs']");
            await signer.ArrivedAsync();
            await signer.Page.Locator("#awaiting a").Filter(new LocatorFilterOptions { HasText = arranged.WorkerName }).First.ClickAsync();
            await signer.ArrivedAsync();
            (await signer.Page.Locator("#reasons").TextContentAsync()).ShouldNotBeNull().ShouldContain("over the DfE cap of £45.00");
            (await signer.Page.Locator("#reason").TextContentAsync()).ShouldNotBeNull().ShouldContain("Court deadline on Friday");
            await signer.Page.ClickAsync("#give-form button[type=submit]");
            await signer.ArrivedAsync();
            (await signer.Page.Locator("#done").TextContentAsync()).ShouldNotBeNull().ShouldContain($"You signed this off for the {post}");
            await signer.EndAsync($"signed-by-{name}");
        }

        await recruiter.GoAsync(placement);
        (await page.Locator("#status").TextContentAsync()).ShouldNotBeNull().ShouldContain("Booked");
        var register = (await page.Locator("#cap-exceptions").TextContentAsync()).ShouldNotBeNull();
        register.ShouldContain("Director of Children's Services: Helen Okafor");
        register.ShouldContain("Chief Executive: Robin Porter");
        await recruiter.EndAsync("signed-off-placement");
    }

    [GeneratedRegex(@"/Placements/\d+$")]
    private static partial Regex PlacementPage();
}
