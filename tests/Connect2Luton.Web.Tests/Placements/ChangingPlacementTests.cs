using System.Net;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Testing;
using Connect2Luton.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Connect2Luton.Web.Tests.Placements;

public sealed class ChangingPlacementTests(Connect2LutonFactory factory) : IClassFixture<Connect2LutonFactory>
{
    private static Dictionary<string, string> Extension(DateOnly end, string reason = "Caseload still allocated", string approvedBy = "") => new()
    {
        ["Input.NewEndDate.Day"] = end.Day.ToString(),
        ["Input.NewEndDate.Month"] = end.Month.ToString(),
        ["Input.NewEndDate.Year"] = end.Year.ToString(),
        ["Input.Reason"] = reason,
        ["Input.ApprovedBy"] = approvedBy,
    };

    [Fact]
    public async Task Extending_past_the_length_limit_waits_for_the_posts_the_rules_name_and_takes_effect_once_each_holder_has_signed_it_off()
    {
        var arranged = await PlacementArrangement.ShortlistedAsync(factory);
        var recruiter = await factory.SignedInAsAsync(PlacementArrangement.Recruiter);
        var placement = await arranged.BookAsync(recruiter);
        var form = await recruiter.GetPageAsync($"{placement}/Extend");
        var longEnd = arranged.Start.AddDays(80 * 7);
        // The extension form says the most the role may be paid within its cap over the extra weeks, as the rules decide it.
        form.Text("#pay-headroom").ShouldContain("up to £34.92 an hour needs no sign-off");
        var live = await Browsing.ParseAsync(await recruiter.SubmitAsync(form, Extension(longEnd), $"{placement}/Extend?handler=Check"));
        live.QuerySelector("#pay-headroom-box")!.GetAttribute("hx-swap-oob").ShouldBe("true", "the live check sends the headroom for the weeks typed");
        live.Text("#extend-sign-off").ShouldContain("needs sign-off by the Head of Service and the Director of HR", Case.Sensitive, "said as the date is typed");

        var unagreed = await Browsing.ParseAsync(await recruiter.SubmitAsync(form, Extension(longEnd)));
        unagreed.Text("#Input_ApprovedBy-error").ShouldContain("Enter the name of the manager who agreed the extension");
        unagreed.Text("#length-check").ShouldContain("past the 78-week limit");
        var tooFar = await Browsing.ParseAsync(await recruiter.SubmitAsync(form, Extension(arranged.End.AddYears(3), approvedBy: "Sam Jones")));
        tooFar.Text("#Input_NewEndDate-error").ShouldContain("within 2 years of the current planned end");
        var backwards = await Browsing.ParseAsync(await recruiter.SubmitAsync(form, Extension(arranged.End.AddDays(-7), approvedBy: "Sam Jones")));
        backwards.Text("#Input_NewEndDate-error").ShouldContain("must be after the current planned end");

        // Whatever name is typed unlocks nothing: the extension is saved waiting for the posts' holders.
        var done = await recruiter.SubmitAsync(form, Extension(longEnd, approvedBy: "Amira Khan"));
        done.StatusCode.ShouldBe(HttpStatusCode.Redirect, await done.Content.ReadAsStringAsync());
        var page = await recruiter.GetPageAsync(placement);
        page.Text("#waiting-for").ShouldContain($"The extension to {longEnd:d MMMM yyyy} takes effect");
        page.Text("#waiting-for").ShouldContain("the Head of Service and the Director of HR");
        var waiting = await PlacementArrangement.QueryAsync(factory, db => db.Placements.Include(p => p.SignOffs).Single(p => p.WorkerId == arranged.WorkerId));
        waiting.PlannedEndDate.ShouldBe(arranged.End, "not extended until it is signed off");
        var again = await Browsing.ParseAsync(await recruiter.SubmitAsync(await recruiter.GetPageAsync($"{placement}/Extend"), Extension(longEnd.AddDays(7), approvedBy: "Amira Khan")));
        again.Text("#Input_NewEndDate-error").ShouldContain($"An extension to {longEnd:d MMMM yyyy} is waiting for sign-off");

        foreach (var (holder, post) in new[] { (Infrastructure.DemoData.DemoDataSeeder.DemoManagerEmail, "Head of Service"), ("hr.director@connect2luton.local", "Director of HR") })
        {
            var signer = await factory.SignedInAsAsync(holder);
            var request = await signer.GetPageAsync($"/SignOffs/{waiting.SignOffs.Single(s => s.Position == post).Id}");
            request.Text("#reasons").ShouldContain("78-week", Case.Sensitive, "the signer reads the rules' reasons");
            request.Text("#asked").ShouldContain("agreed with Amira Khan");
            (await signer.SubmitAsync(request, new Dictionary<string, string> { ["Input.Note"] = "" }, $"/SignOffs/{waiting.SignOffs.Single(s => s.Position == post).Id}?handler=Give"))
                .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var stored = await PlacementArrangement.QueryAsync(factory, db => db.Placements.Include(p => p.Extensions).Single(p => p.WorkerId == arranged.WorkerId));
        stored.PlannedEndDate.ShouldBe(longEnd);
        var extension = stored.Extensions.ShouldHaveSingleItem();
        (extension.Reason, extension.Status).ShouldBe(("Caseload still allocated", ExtensionStatus.InForce));
        page = await recruiter.GetPageAsync(placement);
        page.Text("#extensions").ShouldContain("Amira Khan");
        page.Text("#sign-offs").ShouldContain("Signed off by Priya Shah");
        page.QuerySelectorAll("#decisions [data-rule-set='placement-length-limits']").Length.ShouldBe(2, "the booking's decision and the extension's");
    }

    [Fact]
    public async Task Ending_early_needs_a_reason_and_a_last_day_no_later_than_today()
    {
        var arranged = await PlacementArrangement.ShortlistedAsync(factory, startsInDays: -7);
        var recruiter = await factory.SignedInAsAsync(PlacementArrangement.Recruiter);
        var placement = await arranged.BookAsync(recruiter);
        var form = await recruiter.GetPageAsync($"{placement}/End");
        var tomorrow = Clocks.Today.AddDays(1);

        var future = await Browsing.ParseAsync(await recruiter.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Input.LastDay.Day"] = tomorrow.Day.ToString(), ["Input.LastDay.Month"] = tomorrow.Month.ToString(), ["Input.LastDay.Year"] = tomorrow.Year.ToString(),
            ["Input.Reason"] = "",
        }));
        future.Text("#Input_LastDay-error").ShouldContain("must be today or earlier");
        future.Text("#Input_Reason-error").ShouldContain("Enter why the placement is ending early");
        (await StatusAsync(arranged)).ShouldBe(PlacementStatus.Active);

        var ended = await recruiter.SubmitAsync(form, new Dictionary<string, string> { ["Input.Reason"] = "Worker moved out of the area" });
        ended.StatusCode.ShouldBe(HttpStatusCode.Redirect, await ended.Content.ReadAsStringAsync());
        var page = await recruiter.GetPageAsync(placement);

        page.Text("#status").ShouldBe("Ended");
        page.Text("#end-reason").ShouldContain("Worker moved out of the area");
        page.QuerySelector("#actions").ShouldBeNull();
    }

    [Fact]
    public async Task Two_recruiters_extending_the_same_placement_the_second_is_told_and_keeps_what_they_typed()
    {
        var arranged = await PlacementArrangement.ShortlistedAsync(factory);
        var first = await factory.SignedInAsAsync(PlacementArrangement.Recruiter);
        var second = await factory.SignedInAsAsync("admin@connect2luton.local");
        var placement = await arranged.BookAsync(first);
        var firstForm = await first.GetPageAsync($"{placement}/Extend");
        var secondForm = await second.GetPageAsync($"{placement}/Extend");

        (await first.SubmitAsync(firstForm, Extension(arranged.End.AddDays(28), approvedBy: "Sam Jones"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var clash = await Browsing.ParseAsync(await second.SubmitAsync(secondForm, Extension(arranged.End.AddDays(56), approvedBy: "Priya Shah")));

        clash.Text(".govuk-error-summary").ShouldContain("Someone else saved a change");
        clash.QuerySelector("#Input_ApprovedBy")!.GetAttribute("value").ShouldBe("Priya Shah");
        (await PlacementArrangement.QueryAsync(factory, db => db.Placements.Single(p => p.WorkerId == arranged.WorkerId).PlannedEndDate)).ShouldBe(arranged.End.AddDays(28));
    }

    [Fact]
    public async Task A_hiring_manager_reads_the_placement_but_cannot_extend_or_end_it_nor_is_sent_to_the_worker_pool()
    {
        var arranged = await PlacementArrangement.ShortlistedAsync(factory);
        var recruiter = await factory.SignedInAsAsync(PlacementArrangement.Recruiter);
        var placement = await arranged.BookAsync(recruiter);
        var manager = await factory.SignedInAsAsync("manager@connect2luton.local");

        var page = await manager.GetPageAsync(placement);
        var forged = await manager.SubmitAsync(page, Extension(arranged.End.AddDays(28), approvedBy: "Sam Jones"), $"{placement}/Extend");

        page.QuerySelector("#actions").ShouldBeNull();
        page.QuerySelectorAll("main a[href^='/Workers/']").ShouldBeEmpty("the worker pool is the recruiters'");
        page.QuerySelectorAll("main dd").ShouldContain(d => System.Text.RegularExpressions.Regex.IsMatch(d.TextContent, @"\w, supplied by "));
        (await recruiter.GetPageAsync(placement)).QuerySelectorAll("main a[href^='/Workers/']").ShouldNotBeEmpty();
        forged.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
        (await StatusAsync(arranged)).ShouldBe(PlacementStatus.Active);
        (await recruiter.GetAsync(new Uri("/Placements/999999/Extend", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private Task<PlacementStatus> StatusAsync(PlacementArrangement arranged) =>
        PlacementArrangement.QueryAsync(factory, db => db.Placements.AsNoTracking().Single(p => p.WorkerId == arranged.WorkerId).Status);
}
