using System.Globalization;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Connect2Luton.Domain.Requisitions;
using Connect2Luton.Infrastructure.Persistence;
using Connect2Luton.Testing;
using Connect2Luton.Web.Tests.Requisitions;
using Connect2Luton.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Connect2Luton.Web.Tests.Rules;

/// <summary>The release rules in the workspace, as the other four are: "which open requisitions would be released now?", and a requisition as a real case.</summary>
public sealed class SupplierReleaseRulesTests(SupplierReleaseFactory factory) : IClassFixture<SupplierReleaseFactory>
{
    private const string Officer = "policy@connect2luton.local";

    [Fact]
    public async Task What_would_change_lists_the_open_requisitions_a_shorter_wait_would_release_now_and_a_requisition_is_a_real_case()
    {
        var id = await HousingRequisitionApprovedThisMorningAsync();
        var officer = await factory.SignedInAsAsync(Officer);
        var edit = await officer.GetPageAsync("/Rules/Edit/supplier-release");
        const string Five = "{ \"Name\": \"externalAfterWorkingDays\", \"Expression\": \"5\"";
        JsonOf(edit).ShouldContain(Five);

        var whatIf = await Browsing.ParseAsync(await officer.SubmitAsync(edit, new Dictionary<string, string>
        {
            ["Input.Json"] = JsonOf(edit).Replace(Five, "{ \"Name\": \"externalAfterWorkingDays\", \"Expression\": \"0\"", StringComparison.Ordinal),
            ["StartedFrom"] = edit.QuerySelector<IHtmlInputElement>("input[name=StartedFrom]")!.Value,
        }, "/Rules/WhatIf/supplier-release"));

        whatIf.Text("#what-if-summary").ShouldContain("decisions for open requisitions (one for each kind of agency) on 23 November 2026 would be decided differently");
        var row = whatIf.QuerySelector($"#what-if-r{id}-ExternalAgency").ShouldNotBeNull("an external agency would see this morning's requisition at once");
        row.QuerySelector("a")!.GetAttribute("href").ShouldBe($"/Requisitions/{id}");
        row.TextContent.ShouldContain("Not yet");
        row.TextContent.ShouldContain("External agencies, and local supporting agencies not on the DPS, see a requisition 5 working days after approval");
        whatIf.QuerySelector("#what-if-changes th")!.TextContent.ShouldBe("Requisition");

        var used = await Browsing.ParseAsync(await officer.SubmitAsync(edit, new Dictionary<string, string>
            {
                ["RealCase.RequisitionId"] = id.ToString(CultureInfo.InvariantCulture), ["Input.Json"] = JsonOf(edit), ["Input.TestCases"] = CasesOf(edit),
            },
            "/Rules/Try/supplier-release?handler=UseRealCase"));
        used.Text("#real-case-used").ShouldContain($"requisition {id}");
        var sample = used.QuerySelectorAll<IHtmlInputElement>("#sample input").ToDictionary(i => i.Name!, i => i.Value);
        sample["Sample[WorkingDaysSinceApproval]"].ShouldBe("0");
        sample["Sample[PositionsLeft]"].ShouldBe("1");
        used.Text("#tried-outcome").ShouldNotBeEmpty();
        var typo = await Browsing.ParseAsync(await officer.SubmitAsync(edit, new Dictionary<string, string>
        {
            ["RealCase.RequisitionId"] = "12a", ["Input.Json"] = JsonOf(edit), ["Input.TestCases"] = CasesOf(edit),
        }, "/Rules/Try/supplier-release?handler=UseRealCase"));
        typo.Text("#RealCase_RequisitionId-error").ShouldContain("Enter the requisition number");
    }

    [Fact]
    public async Task A_sample_for_a_kind_of_supplier_that_does_not_exist_is_refused_at_the_field_not_decided_as_an_external_agency()
    {
        var officer = await factory.SignedInAsAsync(Officer);
        var edit = await officer.GetPageAsync("/Rules/Edit/supplier-release");
        var fields = edit.QuerySelectorAll("#sample input, #sample select")
            .ToDictionary(f => f.GetAttribute("name")!, f => f is IHtmlSelectElement choice ? choice.Value ?? string.Empty : ((IHtmlInputElement)f).Value);
        fields["Input.Json"] = JsonOf(edit);
        fields["Input.TestCases"] = CasesOf(edit);
        fields["StartedFrom"] = edit.QuerySelector<IHtmlInputElement>("input[name=StartedFrom]")!.Value;
        fields["Sample[SupplierKind]"] = "Hacker";
        fields["CaseName"] = "A hacker";

        var tried = await Browsing.ParseAsync(await officer.SubmitAsync(edit, fields, "/Rules/Try/supplier-release"));
        var kept = await Browsing.ParseAsync(await officer.SubmitAsync(edit, fields, "/Rules/Try/supplier-release?handler=AddCase"));

        tried.Text("#Sample_SupplierKind_-error").ShouldBe("Error: Supplier kind must be In-house pool, Local supporting agency or External agency");
        tried.QuerySelector("#tried-outcome").ShouldBeNull("nothing is decided for a supplier that is none of the kinds");
        kept.Text("#Sample_SupplierKind_-error").ShouldContain("Supplier kind must be");
        CasesOf(kept).ShouldNotContain("Hacker");
    }

    [Fact]
    public async Task A_sample_with_neither_yes_nor_no_for_the_DPS_asks_whether_the_agency_is_on_it_and_the_in_house_pool_is_written_as_people_write_it()
    {
        var officer = await factory.SignedInAsAsync(Officer);
        var edit = await officer.GetPageAsync("/Rules/Edit/supplier-release");
        var fields = edit.QuerySelectorAll("#sample input, #sample select")
            .ToDictionary(f => f.GetAttribute("name")!, f => f is IHtmlSelectElement choice ? choice.Value ?? string.Empty : ((IHtmlInputElement)f).Value);
        fields["Input.Json"] = JsonOf(edit);
        fields["Input.TestCases"] = CasesOf(edit);
        fields["StartedFrom"] = edit.QuerySelector<IHtmlInputElement>("input[name=StartedFrom]")!.Value;
        fields["Sample[SupplierOnDps]"] = "maybe";

        var tried = await Browsing.ParseAsync(await officer.SubmitAsync(edit, fields, "/Rules/Try/supplier-release"));

        tried.Text("#Sample_SupplierOnDps_-error").ShouldBe("Error: Say whether the agency was appointed through the dynamic purchasing system (it has a DPS reference): yes or no");
        tried.QuerySelector("#tried-outcome").ShouldBeNull();
        edit.QuerySelectorAll("select[name='Sample[SupplierKind]'] option").Select(o => o.TextContent.Trim())
            .ShouldBe(["In-house pool", "Local supporting agency", "External agency"]);
    }

    [Fact]
    public async Task Problems_quoting_a_label_or_rule_name_with_a_right_to_left_override_write_it_out_and_a_typed_null_is_called_a_control_character()
    {
        var officer = await factory.SignedInAsAsync(Officer);
        var edit = await officer.GetPageAsync("/Rules/Edit/supplier-release");
        var json = JsonOf(edit)
            .Replace("\"Label\": \"The in-house pool\"", "\"Label\": \"The in-house\u202E pool\"", StringComparison.Ordinal)
            .Replace("\"RuleName\": \"PositionsToFill\"", "\"RuleName\": \"PositionsTo\u202Efill\"", StringComparison.Ordinal);

        // A null typed into a rule's message field, as a browser sends it (%00).
        var checkedDraft = await Browsing.ParseAsync(await officer.PressAsync(edit, "Check", new Dictionary<string, string>
        {
            ["Input.Json"] = json, ["Rules[InHousePoolFirst].ErrorMessage"] = "The in-house pool\0 has it alone.",
        }));

        var summary = checkedDraft.Text(".govuk-error-summary");
        summary.ShouldContain("The in-house[U+202E] pool");
        summary.ShouldContain("'PositionsTo[U+202E]fill' cannot name a rule");
        summary.ShouldContain("The message when it fails has a hidden control character in it");
        summary.ShouldNotContain("U+0001");
        summary.ShouldNotContain("\u202E");
        checkedDraft.Text("#problems").ShouldNotContain("\u202E");
        checkedDraft.QuerySelectorAll(".govuk-details__summary-text").Select(e => e.TextContent)
            .ShouldContain(t => t.Contains("Positions to[U+202E]fill: has problems", StringComparison.Ordinal), "the rule's own form is headed as its problem quotes it");
    }

    /// <summary>A requisition for a role outside children's social work, approved at the fixed clock's 10:00.</summary>
    private async Task<int> HousingRequisitionApprovedThisMorningAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var model = await db.Requisitions.FirstAsync(r => r.Status == RequisitionStatus.Open && db.ServiceAreas.Any(a => a.Id == r.ServiceAreaId && !a.IsChildrensServices)
            && db.JobRoles.Any(j => j.Id == r.JobRoleId && j.DfeRoleType == null));
        var requisition = A.Requisition().In(model.ServiceAreaId, model.JobRoleId, model.HiringManagerId).Starting(Clocks.Today.AddDays(28)).Open();
        db.Add(requisition);
        await db.SaveChangesAsync();
        return requisition.Id;
    }

    private static string CasesOf(IDocument edit) => edit.QuerySelector<IHtmlTextAreaElement>("textarea[name='Input.TestCases']")!.Value;

    private static string JsonOf(IDocument edit) => edit.QuerySelector<IHtmlTextAreaElement>("textarea[name='Input.Json']")!.Value;
}
