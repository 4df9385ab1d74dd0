using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Connect2Luton.Application.Policies;
using Connect2Luton.Domain.JobRoles;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Infrastructure.Persistence;
using Connect2Luton.Testing;
using Connect2Luton.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Connect2Luton.Web.Tests.Rules;

/// <summary>The app serving a throw-away copy of rules/, so officers' saves in these tests never touch the repository.</summary>
public sealed class RuleWorkspaceFactory : Connect2LutonFactory
{
    protected override bool ChangesRuleFiles => true;
}

/// <summary>HR policy officers change the rules in the workspace: checked, saved with a comment, versioned, rolled back.</summary>
public sealed class RuleWorkspaceTests(RuleWorkspaceFactory factory) : IClassFixture<RuleWorkspaceFactory>
{
    private const string Officer = "policy@connect2luton.local";
    private const string SocialWorkerCap = "\"Name\": \"capSocialWorker\", \"Expression\": \"45.00m\"";

    // Pay plus holiday pay and NI of £47.03 an hour: over the default £45 DfE cap, under £50.
    private static readonly PayRateFacts FortySevenPounds = new()
    {
        AsOf = Clocks.Today, RoleTitle = "Social Worker (Children and Families)", JobFamily = "SocialCare", NjcGrade = "E", DfeRoleType = "SocialWorker",
        IsChildrensServices = true, IsInterim = false, PayRate = 37.00m, HolidayPay = 4.47m, EmployerNationalInsurance = 5.56m, EmployerPension = 0m,
        Margin = 5m, ChargeRate = 52.03m, WeeklyHours = 37m, SupplierKind = "LocalSupportingAgency",
    };

    [Fact]
    public async Task An_officer_raises_the_social_worker_cap_saves_it_with_a_comment_and_a_rate_between_the_caps_is_allowed_at_once()
    {
        var client = await factory.SignedInAsAsync(Officer);
        (await DecideAsync()).ShouldBe(PayRateOutcome.NeedsException);
        var edit = await client.GetPageAsync("/Rules/Edit/pay-rate-caps");
        var draft = JsonOf(edit).Replace(SocialWorkerCap, "\"Name\": \"capSocialWorker\", \"Expression\": \"50.00m\"", StringComparison.Ordinal);

        // What-if: exactly the live children's social workers paid (with holiday pay and NI) over £45 up to £50 move.
        var whatIf = await Browsing.ParseAsync(await client.SubmitAsync(edit, new Dictionary<string, string>
        {
            ["Input.Json"] = draft, ["StartedFrom"] = edit.QuerySelector<IHtmlInputElement>("input[name=StartedFrom]")!.Value,
        }, "/Rules/WhatIf/pay-rate-caps"));
        var between = await LiveSocialWorkersCostingAsync(45.00m, 50.00m);
        between.Count.ShouldBeGreaterThan(0, "the demo data has social workers between the caps");
        whatIf.Text("#what-if-summary").ShouldStartWith($"{between.Count} of ");
        whatIf.QuerySelector(".govuk-error-summary").ShouldBeNull("a what-if that ran is no error");
        whatIf.QuerySelectorAll("#what-if-changes tbody tr").Select(r => int.Parse(r.Id!["what-if-".Length..], CultureInfo.InvariantCulture)).Order()
            .ShouldBe(between);
        whatIf.QuerySelectorAll("#what-if-changes tbody tr").ShouldAllBe(r => r.TextContent.Contains("Over the cap: needs sign-off") && r.TextContent.Contains("Allowed"));
        (await DecideAsync()).ShouldBe(PayRateOutcome.NeedsException, "a what-if changes nothing");

        // The test cases pin the old cap, so the new one alone is refused, naming the case it breaks.
        var refused = await Browsing.ParseAsync(await SaveAsync(client, edit, draft, "DfE cap for social workers raised to £50"));
        refused.Text("#problems").ShouldContain("a penny over the DfE cap needs the DCS and Chief Executive");
        refused.Text("#problems").ShouldContain("expected \"Over the cap: needs sign-off\" but the rules decided \"Allowed\"");
        (await DecideAsync()).ShouldBe(PayRateOutcome.NeedsException);
        // Typed in its field instead, the new cap takes the cases written against it to its boundary, with their
        // on-costs; the one case it now decides otherwise is listed, and accepted in one step.
        var typed = await Browsing.ParseAsync(await client.SubmitAsync(edit, new Dictionary<string, string>
        {
            ["Input.Json"] = JsonOf(edit), ["Input.TestCases"] = CasesOf(edit), ["Values[capSocialWorker]"] = "£50",
            ["Input.Comment"] = "DfE cap for social workers raised to £50", ["StartedFrom"] = edit.QuerySelector<IHtmlInputElement>("input[name=StartedFrom]")!.Value,
        }, "/Rules/Edit/pay-rate-caps?handler=Save"));
        typed.Text("#cases-moved").ShouldContain("Children's social worker exactly at the DfE cap: pay rate 34.92, now 38.80");
        typed.Text("#cases-changed").ShouldContain("Social worker at £36.30 an hour needs sign-off");
        typed.Text("#cases-changed").ShouldContain("Over the cap: needs sign-off");
        JsonOf(typed).ShouldBe(draft, "the value typed in its field is written into the draft");
        (await DecideAsync()).ShouldBe(PayRateOutcome.NeedsException, "nothing is saved while a case expects otherwise");
        var accepted = await Browsing.ParseAsync(await client.SubmitAsync(typed, new Dictionary<string, string>
        {
            ["Input.Json"] = JsonOf(typed), ["Input.TestCases"] = CasesOf(typed), ["StartedFrom"] = typed.QuerySelector<IHtmlInputElement>("input[name=StartedFrom]")!.Value,
        }, "/Rules/Edit/pay-rate-caps?handler=AcceptCases"));
        accepted.QuerySelector("#cases-accepted").ShouldNotBeNull(accepted.QuerySelector(".govuk-error-summary")?.TextContent ?? accepted.Title);
        accepted.Text("#cases-accepted").ShouldContain("1 case changed");
        accepted.QuerySelector("#cases-changed").ShouldBeNull();
        var cases = CasesOf(accepted);

        var saved = await SaveAsync(client, accepted, draft, "DfE cap for social workers raised to £50 after the regional review", cases);

        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        saved.Headers.Location!.OriginalString.ShouldBe("/Rules/History/pay-rate-caps");
        (await DecideAsync()).ShouldBe(PayRateOutcome.Allowed);
        // A recruiter books a children's social worker at £38 an hour (£48.98 with holiday pay and NI) with no sign-off.
        var arranged = await Placements.PlacementArrangement.ShortlistedAsync(factory);
        var booked = await arranged.BookAsync(await factory.SignedInAsAsync(Placements.PlacementArrangement.Recruiter), "38.00");
        var placementId = int.Parse(booked.Split('/')[^1], CultureInfo.InvariantCulture);
        var decidedUnder = await Placements.PlacementArrangement.QueryAsync(factory,
            db => db.RuleDecisions.Where(d => d.PlacementId == placementId && d.RuleSet == "pay-rate-caps").Select(d => new { d.Outcome, d.RuleSetVersion }).Single());
        decidedUnder.Outcome.ShouldBe("Allowed");
        decidedUnder.RuleSetVersion.ShouldBe(Version(), "the booking's decision names the version it was made under");
        var placement = await client.GetPageAsync(booked);
        var versionLink = placement.QuerySelector<IHtmlAnchorElement>("#decisions [data-rule-set='pay-rate-caps'] a.app-rule-version")!;
        var marked = await client.GetPageAsync(versionLink.PathName + versionLink.Search);
        marked.QuerySelector("#versions tbody tr")!.TextContent.ShouldContain("The decision's version");
        marked.Text("#marked").ShouldContain(Version()[..12]);
        factory.Rules.Read("pay-rate-caps.json").ShouldBe(draft, "the file is written exactly as the officer wrote it");
        factory.Rules.Read(Path.Combine("tests", "pay-rate-caps.cases.json")).ShouldBe(cases);
        var history = await client.GetPageAsync("/Rules/History/pay-rate-caps");
        var newest = history.QuerySelector("#versions tbody tr")!.TextContent;
        newest.ShouldContain("Saved");
        newest.ShouldContain(Officer);
        newest.ShouldContain("DfE cap for social workers raised to £50");
        newest.ShouldContain("Serving");

        await RollBackAsync(client);
    }

    [Fact]
    public async Task A_hostile_expression_is_refused_at_save_with_the_rule_and_line_and_nothing_changes()
    {
        var client = await factory.SignedInAsAsync(Officer);
        var edit = await client.GetPageAsync("/Rules/Edit/pay-rate-caps");
        var before = factory.Rules.Read("pay-rate-caps.json");
        var serving = Serving();
        var hostile = JsonOf(edit).Replace("\"Expression\": \"input.PayRate >= nationalLivingWage\"",
            "\"Expression\": \"input.GetType().Assembly.Location != null\"", StringComparison.Ordinal);

        var page = await Browsing.ParseAsync(await SaveAsync(client, edit, hostile, "Trying something"));

        page.Text(".govuk-error-summary").ShouldContain("nothing has been saved and the current version keeps serving");
        var problems = page.Text("#problems");
        problems.ShouldContain("The rule \"At least national living wage\"");
        page.QuerySelector("#problems a[href=\"#rule-AtLeastNationalLivingWage\"]").ShouldNotBeNull("the problem links to its rule");
        problems.ShouldContain("GetType");
        problems.ShouldMatch(@"line \d+");
        page.QuerySelector<IHtmlTextAreaElement>("textarea[name='Input.Json']")!.Value.ShouldBe(hostile, "the officer's draft is kept to fix");
        Serving().ShouldBe(serving);
        factory.Rules.Read("pay-rate-caps.json").ShouldBe(before);
    }

    [Fact]
    public async Task A_value_changed_in_its_field_is_written_into_the_draft_in_place_and_an_empty_one_is_refused_there()
    {
        var client = await factory.SignedInAsAsync(Officer);
        var edit = await client.GetPageAsync("/Rules/Edit/local-candidate-preference");
        edit.QuerySelector<IHtmlInputElement>("#Values_localSupplierPoints_")!.Value.ShouldBe("10");
        var json = JsonOf(edit);
        Task<IDocument> CheckAsync(string points) => client.SubmitAsync(edit, new Dictionary<string, string>
        {
            ["Input.Json"] = json, ["Input.TestCases"] = CasesOf(edit), ["Values[localSupplierPoints]"] = points,
        }, "/Rules/Edit/local-candidate-preference?handler=Check").ContinueWith(t => Browsing.ParseAsync(t.Result), TaskScheduler.Default).Unwrap();

        var applied = await CheckAsync("12");
        var empty = await CheckAsync(" ");

        JsonOf(applied).ShouldBe(json.Replace("{\"Name\": \"localSupplierPoints\", \"Expression\": \"10\"", "{\"Name\": \"localSupplierPoints\", \"Expression\": \"12\"", StringComparison.Ordinal));
        applied.QuerySelector<IHtmlInputElement>("#Values_localSupplierPoints_")!.Value.ShouldBe("12");
        empty.Text("#Values_localSupplierPoints_-error").ShouldContain("Enter points for a local supplier, like 26 points");
        // Typed beside text that cannot be read, a value or a rule's message is refused with the reason, never dropped.
        var broken = json.Replace("\"WorkflowName\":", "\"WorkflowName\" x", StringComparison.Ordinal);
        var rulesBroken = await Browsing.ParseAsync(await client.SubmitAsync(edit, new Dictionary<string, string>
        {
            ["Input.Json"] = broken, ["Input.TestCases"] = CasesOf(edit),
            ["Rules[LivesInLuton].ErrorMessage"] = "Not in Luton.", ["Rules[LivesInLuton].Expression"] = "livesInLuton",
            ["Rules[LivesInLuton].Shown"] = edit.QuerySelector<IHtmlInputElement>("input[name='Rules[LivesInLuton].Shown']")!.Value,
        }, "/Rules/Edit/local-candidate-preference?handler=Apply"));
        rulesBroken.Text(".govuk-error-summary").ShouldContain("changes made in the rules' forms were not written into it");
        rulesBroken.QuerySelector<IHtmlTextAreaElement>("#Rules_LivesInLuton__ErrorMessage")!.Value.ShouldBe("Not in Luton.");
        JsonOf(empty).ShouldBe(json);
        factory.Rules.Read("local-candidate-preference.json").ShouldBe(json, "checking saves nothing");
    }

    [Fact]
    public async Task An_officer_switches_a_rule_off_rewords_one_takes_one_out_and_adds_one_in_their_forms_beside_an_edit_to_the_text()
    {
        var client = await factory.SignedInAsAsync(Officer);
        var edit = await client.GetPageAsync("/Rules/Edit/pay-rate-caps");
        var original = JsonOf(edit);
        edit.QuerySelector<IHtmlTextAreaElement>("#Rules_WithinDfeCap__Expression")!.Value.ShouldBe("dfeCappedRate <= dfeCap");
        // The officer also raises a cap in the text itself: the value's field and every rule's form go back untouched.
        var textEdited = original.Replace(SocialWorkerCap, "\"Name\": \"capSocialWorker\", \"Expression\": \"50.00m\"", StringComparison.Ordinal);
        var reworded = "Over the interim charge cap of £{interimChargeCap:0.00} an hour: only the Chief Executive can sign this off.";

        var applied = await Browsing.ParseAsync(await client.PressAsync(edit, "Apply", new Dictionary<string, string>
        {
            ["Input.Json"] = textEdited,
            ["Rules[GradeHasACap].Enabled"] = "false",
            ["Rules[WithinInterimChargeCap].ErrorMessage"] = reworded,
            ["Rules[WithinGradeCapForGradesAtoD].Remove"] = "true",
            ["NewRule.Name"] = "ChargeCoversPay",
            ["NewRule.Expression"] = "input.ChargeRate >= input.PayRate",
            ["NewRule.ErrorMessage"] = "The charge of £{input.ChargeRate:0.00} an hour is below the pay of £{input.PayRate:0.00}.",
            ["NewRule.Description"] = "The council is never charged less than the worker is paid.",
            ["NewRule.Outcome"] = "Refused",
        }));

        var draft = JsonOf(applied);
        draft.ShouldContain("\"Expression\": \"50.00m\"", Case.Sensitive, "the edit to the text is kept: untouched fields do not undo it");
        draft.ShouldNotContain("WithinGradeCapForGradesAtoD");
        draft.ShouldContain("\"Figures\": [ \"gradeCap\" ] },\n      \"Enabled\": false\n    }", Case.Sensitive, "switched off where it is, laid out as its rule is");
        draft.ShouldContain(reworded);
        draft.ShouldEndWith("    },\n    {\n      \"RuleName\": \"ChargeCoversPay\",\n      \"Expression\": \"input.ChargeRate >= input.PayRate\",\n      " +
            "\"ErrorMessage\": \"The charge of £{input.ChargeRate:0.00} an hour is below the pay of £{input.PayRate:0.00}.\",\n      " +
            "\"Properties\": { \"Description\": \"The council is never charged less than the worker is paid.\", \"Outcome\": \"Refused\" }\n    }\n  ]\n}\n");
        applied.Text("#rule-added").ShouldContain("ChargeCoversPay");
        applied.QuerySelector<IHtmlInputElement>("#NewRule_Name")!.Value.ShouldBeEmpty("the rule added is in the draft now, not in the form");
        applied.Text("#rule-GradeHasACap summary").ShouldContain("(off)");
        applied.QuerySelector<IHtmlInputElement>("#Rules_GradeHasACap__Enabled")!.IsChecked.ShouldBeFalse();
        applied.QuerySelector<IHtmlTextAreaElement>("#Rules_WithinInterimChargeCap__ErrorMessage")!.Value.ShouldBe(reworded);
        factory.Rules.Read("pay-rate-caps.json").ShouldBe(original, "writing the forms into the draft saves nothing");

        // A new rule with no proper name and nothing to check is refused beside its fields, and the draft is left as it was.
        var refused = await Browsing.ParseAsync(await client.PressAsync(applied, "Apply", new Dictionary<string, string>
        {
            ["NewRule.Name"] = "Within cap!", ["NewRule.ErrorMessage"] = "Over", ["NewRule.Outcome"] = "Allowed",
        }));
        refused.Text("#NewRule_Name-error").ShouldContain("one word of letters and digits");
        refused.Text("#NewRule_Expression-error").ShouldContain("Enter what the new rule checks");
        refused.Text("#NewRule_Outcome-error").ShouldContain("Choose what failing the rule means");
        refused.QuerySelector<IHtmlInputElement>("#NewRule_Name")!.Value.ShouldBe("Within cap!", "what was typed comes back to be put right");
        JsonOf(refused).ShouldBe(draft);

        // Saved with only the reworded message and the new rule, it serves at once and decides with the new rule.
        var saved = await client.PressAsync(edit, "Save", new Dictionary<string, string>
        {
            ["Rules[WithinInterimChargeCap].ErrorMessage"] = reworded,
            ["NewRule.Name"] = "ChargeCoversPay", ["NewRule.Expression"] = "input.ChargeRate >= input.PayRate",
            ["NewRule.ErrorMessage"] = "The charge is below the pay.", ["NewRule.Outcome"] = "Refused",
            ["Input.Comment"] = "Charges below pay are refused; the interim message names who signs off",
        });
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var decided = await factory.Services.GetRequiredService<IPayRatePolicy>().DecideAsync(FortySevenPounds with { ChargeRate = 30m });
        decided.Outcome.ShouldBe(PayRateOutcome.Refused);
        decided.Details.Failed.Select(r => r.Rule).ShouldContain("ChargeCoversPay");
        Serving().ShouldContain(reworded);

        var putBack = await client.GetPageAsync("/Rules/Edit/pay-rate-caps");
        (await SaveAsync(client, putBack, original, "Back as it was")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        Serving().ShouldBe(original);
    }

    [Fact]
    public async Task An_officer_tries_the_draft_on_a_sample_keeps_it_as_a_test_case_and_saves_it_with_the_rules()
    {
        var client = await factory.SignedInAsAsync(Officer);
        var edit = await client.GetPageAsync("/Rules/Edit/permanent-conversion-eligibility");
        // The sample's fields: text boxes, and lists of choices in words for the facts that hold a name (the requisition's reason).
        var sample = edit.QuerySelectorAll("#sample input, #sample select")
            .ToDictionary(f => f.GetAttribute("name")!, f => f is IHtmlSelectElement choice ? choice.Value ?? string.Empty : ((IHtmlInputElement)f).Value);
        edit.QuerySelector<IHtmlSelectElement>("#Sample_RequisitionReason_")!.SelectedOptions[0].TextContent.ShouldBe("Vacancy cover");
        sample["Sample[ContinuousWeeks]"].ShouldNotBeEmpty("the sample starts from the test cases' defaults");
        var fields = new Dictionary<string, string>(sample)
        {
            ["Input.Json"] = JsonOf(edit), ["Input.TestCases"] = CasesOf(edit), ["StartedFrom"] = edit.QuerySelector<IHtmlInputElement>("input[name=StartedFrom]")!.Value,
            ["Sample[ContinuousWeeks]"] = "9", ["Sample[FeeFreeFrom]"] = "2027-01-18", ["Sample[OpenToPermanentJob]"] = "no",
            ["CaseName"] = "Nine weeks in and not wanting a permanent job",
        };

        var tried = await Browsing.ParseAsync(await client.SubmitAsync(edit, fields, "/Rules/Try/permanent-conversion-eligibility"));
        var typo = await Browsing.ParseAsync(await client.SubmitAsync(edit, new Dictionary<string, string>(fields) { ["Sample[ContinuousWeeks]"] = "nine" },
            "/Rules/Try/permanent-conversion-eligibility"));
        var kept = await Browsing.ParseAsync(await client.SubmitAsync(edit, fields, "/Rules/Try/permanent-conversion-eligibility?handler=AddCase"));

        tried.Text("#tried-outcome").ShouldBe("Not yet");
        var failed = tried.QuerySelectorAll("#tried-rules tbody tr").Where(r => r.TextContent.Contains("Failed")).Select(r => r.QuerySelector("th")!.TextContent).ToList();
        failed.ShouldBe(["Past fee free point", "Open to permanent job"], ignoreOrder: true);
        typo.Text("#Sample_ContinuousWeeks_-error").ShouldContain("Continuous weeks must be a whole number");
        kept.Text("#case-added").ShouldContain("Nine weeks in and not wanting a permanent job");
        var cases = CasesOf(kept);
        var original = CasesOf(edit);
        cases.ShouldStartWith(original[..original.LastIndexOf(']')].TrimEnd(), Case.Sensitive, "the case is added at the end, the rest as it was");
        cases.ShouldEndWith(original[original.LastIndexOf(']')..]);
        cases.ShouldContain("{ \"Name\": \"Nine weeks in and not wanting a permanent job\", \"Facts\": { \"ContinuousWeeks\": 9, \"FeeFreeFrom\": \"2027-01-18\", \"OpenToPermanentJob\": false }, \"Expect\": { \"Outcome\": \"NotYet\" } }");

        var saved = await SaveAsync(client, edit, JsonOf(edit), "A case for a worker who does not want a permanent job", cases);

        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        factory.Rules.Read(Path.Combine("tests", "permanent-conversion-eligibility.cases.json")).ShouldBe(cases);
    }

    [Fact]
    public async Task An_officer_tries_the_draft_on_a_real_placement_or_candidate_and_a_number_that_is_not_there_is_explained_at_its_field()
    {
        var client = await factory.SignedInAsAsync(Officer);
        var (placement, requisition, worker, workerName) = await RealCaseAsync();
        var edit = await client.GetPageAsync("/Rules/Edit/pay-rate-caps");
        Task<IDocument> UseAsync(IDocument page, string ruleSet, Dictionary<string, string> realCase) =>
            client.SubmitAsync(page, new Dictionary<string, string>(realCase) { ["Input.Json"] = JsonOf(page), ["Input.TestCases"] = CasesOf(page) },
                $"/Rules/Try/{ruleSet}?handler=UseRealCase").ContinueWith(r => Browsing.ParseAsync(r.Result)).Unwrap();

        var used = await UseAsync(edit, "pay-rate-caps", new() { ["RealCase.PlacementId"] = placement.Id.ToString(CultureInfo.InvariantCulture) });
        var missing = await UseAsync(edit, "pay-rate-caps", new() { ["RealCase.PlacementId"] = "99999999" });
        var typo = await UseAsync(edit, "pay-rate-caps", new() { ["RealCase.PlacementId"] = "12a" });
        var preference = await client.GetPageAsync("/Rules/Edit/local-candidate-preference");
        var candidate = await UseAsync(preference, "local-candidate-preference", new()
        {
            ["RealCase.RequisitionId"] = requisition.ToString(CultureInfo.InvariantCulture), ["RealCase.WorkerId"] = worker.ToString(CultureInfo.InvariantCulture),
        });

        used.Text("#real-case-used").ShouldContain($"placement {placement.Id}");
        var sample = used.QuerySelectorAll<IHtmlInputElement>("#sample input").ToDictionary(i => i.Name!, i => i.Value);
        decimal.Parse(sample["Sample[PayRate]"], CultureInfo.InvariantCulture).ShouldBe(placement.Rates.PayRate);
        decimal.Parse(sample["Sample[WeeklyHours]"], CultureInfo.InvariantCulture).ShouldBe(placement.WeeklyHours);
        used.Text("#tried-outcome").ShouldNotBeEmpty("the draft is tried on the placement's facts at once");
        missing.Text("#RealCase_PlacementId-error").ShouldContain("There is no placement 99999999");
        typo.Text("#RealCase_PlacementId-error").ShouldContain("Enter the placement number");
        candidate.Text("#real-case-used").ShouldContain(workerName);
        candidate.QuerySelectorAll<IHtmlInputElement>("#sample input").Single(i => i.Name == "Sample[PostcodeDistrict]").Value.ShouldNotBeEmpty();
        candidate.Text("#tried-outcome").ShouldNotBeEmpty();

        // The same placement under the length and conversion rules: its dates as booked, its clocks as the nightly checks count them.
        var placementNumber = new Dictionary<string, string> { ["RealCase.PlacementId"] = placement.Id.ToString(CultureInfo.InvariantCulture) };
        var length = await UseAsync(await client.GetPageAsync("/Rules/Edit/placement-length-limits"), "placement-length-limits", placementNumber);
        var lengthSample = length.QuerySelectorAll<IHtmlInputElement>("#sample input").ToDictionary(i => i.Name!, i => i.Value);
        lengthSample["Sample[StartDate]"].ShouldBe(placement.StartDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        lengthSample["Sample[EndDate]"].ShouldBe(placement.PlannedEndDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        int.Parse(lengthSample["Sample[AwrWeeks]"], CultureInfo.InvariantCulture).ShouldBeGreaterThanOrEqualTo(0);
        length.Text("#tried-outcome").ShouldNotBeEmpty();
        var conversion = await UseAsync(await client.GetPageAsync("/Rules/Edit/permanent-conversion-eligibility"), "permanent-conversion-eligibility", placementNumber);
        conversion.Text("#real-case-used").ShouldContain($"placement {placement.Id}");
        conversion.Text("#tried-outcome").ShouldNotBeEmpty();
        var ended = await UseAsync(await client.GetPageAsync("/Rules/Edit/placement-length-limits"), "placement-length-limits",
            new() { ["RealCase.PlacementId"] = (await EndedPlacementAsync()).ToString(CultureInfo.InvariantCulture) });
        ended.Text("#RealCase_PlacementId-error").ShouldContain("is not live today");
    }

    private async Task<int> EndedPlacementAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return db.Placements.Where(p => p.Status != PlacementStatus.Active).OrderBy(p => p.Id).Select(p => p.Id).First();
    }

    [Fact]
    public async Task What_if_shows_the_placements_a_shorter_review_point_would_flag_and_the_shortlisted_workers_a_smaller_Luton_would_move()
    {
        var client = await factory.SignedInAsAsync(Officer);
        async Task<IDocument> WhatIfAsync(string ruleSet, string from, string to)
        {
            var edit = await client.GetPageAsync($"/Rules/Edit/{ruleSet}");
            JsonOf(edit).ShouldContain(from);
            return await Browsing.ParseAsync(await client.SubmitAsync(edit, new Dictionary<string, string>
            {
                ["Input.Json"] = JsonOf(edit).Replace(from, to, StringComparison.Ordinal), ["StartedFrom"] = edit.QuerySelector<IHtmlInputElement>("input[name=StartedFrom]")!.Value,
            }, $"/Rules/WhatIf/{ruleSet}"));
        }
        var (fiveMonthsIn, inLu4) = await LengthAndPreferenceCasesAsync();

        var review = await WhatIfAsync("placement-length-limits", "{ \"Name\": \"reviewMonths\", \"Expression\": \"6\"", "{ \"Name\": \"reviewMonths\", \"Expression\": \"5\"");
        var luton = await WhatIfAsync("local-candidate-preference", "LU3, LU4", "LU3");

        fiveMonthsIn.Count.ShouldBeGreaterThan(0, "the demo data has live placements five months in");
        review.Text("#what-if-summary").ShouldStartWith($"{fiveMonthsIn.Count} of ");
        review.QuerySelectorAll("#what-if-changes tbody tr").Select(r => int.Parse(r.Id!["what-if-".Length..], CultureInfo.InvariantCulture)).Order().ShouldBe(fiveMonthsIn);
        review.QuerySelectorAll("#what-if-changes tbody tr").ShouldAllBe(r => r.TextContent.Contains("5 months in post: past 5 months"));
        inLu4.Count.ShouldBeGreaterThan(0, "the demo data has LU4 workers shortlisted on open requisitions");
        luton.Text("#what-if-summary").ShouldStartWith($"{inLu4.Count} of ");
        luton.Text("#what-if-summary").ShouldContain("shortlisted workers on open requisitions");
        luton.QuerySelectorAll("#what-if-changes tbody tr").Select(r => r.Id!).Order().ShouldBe(inLu4.Order());
        Serving().ShouldNotContain("\"Expression\": \"5\"", Case.Sensitive, "a what-if changes nothing");
    }

    [Fact]
    public async Task A_save_with_no_comment_is_refused_at_the_comment()
    {
        var client = await factory.SignedInAsAsync(Officer);
        var edit = await client.GetPageAsync("/Rules/Edit/pay-rate-caps");
        var draft = JsonOf(edit).Replace(SocialWorkerCap, "\"Name\": \"capSocialWorker\", \"Expression\": \"46.00m\"", StringComparison.Ordinal);

        var page = await Browsing.ParseAsync(await SaveAsync(client, edit, draft, "  "));

        page.Text("#Input_Comment-error").ShouldContain("Say what you changed and why");
        Serving().ShouldNotContain("46.00m");
    }

    [Fact]
    public async Task The_rule_set_acted_on_is_the_one_in_the_address_whatever_the_form_posts_and_an_old_workspace_still_tries_its_draft()
    {
        var client = await factory.SignedInAsAsync(Officer);
        var edit = await client.GetPageAsync("/Rules/Edit/pay-rate-caps");
        var fields = new Dictionary<string, string>
        {
            ["Input.Json"] = JsonOf(edit), ["Input.TestCases"] = CasesOf(edit), ["name"] = "local-candidate-preference",
            ["StartedFrom"] = edit.QuerySelector<IHtmlInputElement>("input[name=StartedFrom]")!.Value,
        };

        var checkedDraft = await Browsing.ParseAsync(await client.SubmitAsync(edit, fields, "/Rules/Edit/pay-rate-caps?handler=Check"));
        checkedDraft.Text("h1").ShouldBe("Change Pay-rate caps");
        checkedDraft.QuerySelector("#checked").ShouldNotBeNull("the draft is the pay-rate caps and passes");

        // A workspace opened before trying moved to its own page posts to the editor, and is sent on with its draft.
        var moved = await client.SubmitAsync(edit, fields, "/Rules/Edit/pay-rate-caps?handler=TrySample");
        moved.StatusCode.ShouldBe(HttpStatusCode.TemporaryRedirect);
        moved.Headers.Location!.OriginalString.ShouldBe("/Rules/Try/pay-rate-caps");
    }

    [Fact]
    public async Task An_officer_posting_many_drafts_at_once_has_them_checked_one_at_a_time_and_the_rest_turned_away_as_busy()
    {
        var client = await factory.SignedInAsAsync(Officer);
        var edit = await client.GetPageAsync("/Rules/Edit/pay-rate-caps");
        var fields = new Dictionary<string, string>
        {
            ["Input.Json"] = JsonOf(edit), ["Input.TestCases"] = CasesOf(edit),
            ["StartedFrom"] = edit.QuerySelector<IHtmlInputElement>("input[name=StartedFrom]")!.Value,
        };

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => client.SubmitAsync(edit, fields, "/Rules/Edit/pay-rate-caps?handler=Check")));

        // One running and one waiting for each officer: with eight sent together, most are turned away at once.
        responses.Select(r => r.StatusCode).ShouldAllBe(code => code == HttpStatusCode.OK || code == HttpStatusCode.TooManyRequests);
        responses.Count(r => r.StatusCode == HttpStatusCode.OK).ShouldBeInRange(1, 7);
        var busy = await Browsing.ParseAsync(responses.First(r => r.StatusCode == HttpStatusCode.TooManyRequests));
        busy.Text("h1").ShouldBe("The rules checker is busy");
        (await Browsing.ParseAsync(responses.First(r => r.StatusCode == HttpStatusCode.OK))).QuerySelector("#checked").ShouldNotBeNull();
        (await client.SubmitAsync(edit, fields, "/Rules/Edit/pay-rate-caps?handler=Check")).StatusCode.ShouldBe(HttpStatusCode.OK, "once they are done, the next check runs");
    }

    [Fact]
    public async Task The_second_of_two_officers_saving_the_same_rules_is_told_and_shown_what_changed_underneath()
    {
        var first = await factory.SignedInAsAsync(Officer);
        var second = await factory.SignedInAsAsync("admin@connect2luton.local");
        var firstEdit = await first.GetPageAsync("/Rules/Edit/placement-length-limits");
        var secondEdit = await second.GetPageAsync("/Rules/Edit/placement-length-limits");
        var json = JsonOf(firstEdit);
        const string Description = "beyond it needs senior approval.";
        var firstDraft = json.Replace(Description, "beyond it needs the Director's approval.", StringComparison.Ordinal);
        firstDraft.ShouldNotBe(json, "the test changes text that is in the file");
        var secondDraft = json.Replace(Description, "beyond it needs a head of service's approval.", StringComparison.Ordinal);

        (await SaveAsync(first, firstEdit, firstDraft, "Who approves a longer placement")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var refused = await Browsing.ParseAsync(await SaveAsync(second, secondEdit, secondDraft, "Who approves a longer placement, again"));

        refused.Text(".govuk-error-summary").ShouldContain("Someone else saved this rule set while you were working on it");
        var diff = refused.Text("#diff");
        diff.ShouldContain("the Director's approval");
        diff.ShouldContain("a head of service's approval");
        factory.Rules.Read("placement-length-limits.json").ShouldBe(firstDraft);

        // Saving again from that page, with the difference in view, is the second officer's decision, and it serves.
        (await SaveAsync(second, refused, secondDraft, "Who approves a longer placement, having seen the other change")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        factory.Rules.Read("placement-length-limits.json").ShouldBe(secondDraft);
    }

    [Fact]
    public async Task A_recruiter_can_read_the_history_but_every_edit_route_is_forbidden()
    {
        var recruiter = await factory.SignedInAsAsync("recruiter@connect2luton.local");
        var history = await recruiter.GetPageAsync("/Rules/History/pay-rate-caps");
        history.QuerySelector("#edit").ShouldBeNull();
        var before = factory.Rules.Read("pay-rate-caps.json");

        await ShouldBeForbiddenAsync(recruiter, await recruiter.GetAsync(new Uri("/Rules/Edit/pay-rate-caps", UriKind.Relative)), "/Rules/Edit");
        // Every handler the workspace's pages have, found from the pages themselves, so a new one cannot be left open by mistake.
        var editHandlers = new[] { ("Edit", typeof(Web.Pages.Rules.EditModel)), ("Try", typeof(Web.Pages.Rules.TryModel)), ("WhatIf", typeof(Web.Pages.Rules.WhatIfModel)) }
            .SelectMany(p => p.Item2.GetMethods()
                .Where(m => m.Name.StartsWith("OnPost", StringComparison.Ordinal) && m.DeclaringType == p.Item2)
                .Select(m => m.Name["OnPost".Length..].Replace("Async", "", StringComparison.Ordinal))
                .Select(h => $"/Rules/{p.Item1}/pay-rate-caps{(h.Length == 0 ? "" : $"?handler={h}")}"))
            .ToList();
        editHandlers.ShouldContain("/Rules/Edit/pay-rate-caps?handler=Apply");
        editHandlers.ShouldContain("/Rules/WhatIf/pay-rate-caps");
        var everything = new Dictionary<string, string>
        {
            ["Input.Json"] = Serving(), ["Input.Comment"] = "x", ["StartedFrom"] = Revision(), ["Rules[WithinDfeCap].Enabled"] = "false",
            ["NewRule.Name"] = "Sneaky", ["NewRule.Expression"] = "true", ["NewRule.ErrorMessage"] = "x", ["RealCase.PlacementId"] = "1", ["CaseName"] = "x",
        };
        foreach (var (action, fields) in editHandlers.Select(h => (h, everything))
            .Append(("/Rules/History/pay-rate-caps?handler=RollBack", new() { ["Input.VersionId"] = "1", ["Input.Comment"] = "x", ["StartedFrom"] = Revision() })))
        {
            await ShouldBeForbiddenAsync(recruiter, await recruiter.SubmitAsync(history, fields, action), action);
        }
        factory.Rules.Read("pay-rate-caps.json").ShouldBe(before);
    }

    // Refusals go to the access-denied page, which answers 403.
    private static async Task ShouldBeForbiddenAsync(HttpClient client, HttpResponseMessage response, string what)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, what);
        response.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied", Case.Sensitive, what);
        (await client.GetAsync(response.Headers.Location)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, what);
    }

    private async Task RollBackAsync(HttpClient client)
    {
        var history = await client.GetPageAsync("/Rules/History/pay-rate-caps");
        var earlier = history.QuerySelectorAll<IHtmlOptionElement>("#Input_VersionId option").First(o => o.Text.Contains("first served", StringComparison.Ordinal)).Value;

        var rolledBack = await client.SubmitAsync(history, new Dictionary<string, string> { ["Input.VersionId"] = earlier, ["Input.Comment"] = "Back to £45 until the review is signed off" },
            "/Rules/History/pay-rate-caps?handler=RollBack");

        rolledBack.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await DecideAsync()).ShouldBe(PayRateOutcome.NeedsException);
        var after = await client.GetPageAsync("/Rules/History/pay-rate-caps");
        after.QuerySelector("#versions tbody tr")!.TextContent.ShouldContain("Rolled back");
        var compare = after.QuerySelectorAll<IHtmlAnchorElement>("#versions a").First(a => a.TextContent.Contains("Compare", StringComparison.Ordinal)).PathName
            + after.QuerySelectorAll<IHtmlAnchorElement>("#versions a").First(a => a.TextContent.Contains("Compare", StringComparison.Ordinal)).Search;
        (await client.GetPageAsync(compare)).Text("#diff").ShouldContain("50.00m");
    }

    private async Task<(List<int> FiveMonthsIn, List<string> ShortlistedInLu4)> LengthAndPreferenceCasesAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var fiveMonthsIn = db.Placements.Where(p => p.Status == PlacementStatus.Active && p.StartDate <= Clocks.Today).AsEnumerable()
            .Where(p => PlacementCalendar.WholeMonths(p.StartDate, Clocks.Today) == 5).Select(p => p.Id).Order().ToList();
        var lu4 = db.Workers.Where(w => w.PostcodeDistrict == "LU4").Select(w => w.Id).ToHashSet();
        var shortlisted = db.Requisitions.Where(r => r.Status == Domain.Requisitions.RequisitionStatus.Open).SelectMany(r => r.Shortlist)
            .Where(e => e.Status == Domain.Requisitions.ShortlistEntryStatus.Shortlisted).AsEnumerable()
            .Where(e => lu4.Contains(e.WorkerId)).Select(e => $"what-if-r{e.RequisitionId}-w{e.WorkerId}").ToList();
        return (fiveMonthsIn, shortlisted);
    }

    private async Task<(Placement Placement, int RequisitionId, int WorkerId, string WorkerName)> RealCaseAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var placement = db.Placements.Where(p => p.Status == PlacementStatus.Active && p.StartDate <= Clocks.Today).OrderBy(p => p.Id).First();
        var worker = db.Workers.OrderBy(w => w.Id).First();
        return (placement, db.Requisitions.OrderBy(r => r.Id).First().Id, worker.Id, worker.FullName);
    }

    private async Task<List<int>> LiveSocialWorkersCostingAsync(decimal over, decimal upTo)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var childrens = db.ServiceAreas.Where(a => a.IsChildrensServices).Select(a => a.Id).ToHashSet();
        var socialWorkers = db.JobRoles.Where(r => r.DfeRoleType == DfeRoleType.SocialWorker).Select(r => r.Id).ToHashSet();
        return db.Placements.Where(p => p.Status == PlacementStatus.Active && p.StartDate <= Clocks.Today).AsEnumerable()
            .Where(p => childrens.Contains(p.ServiceAreaId) && socialWorkers.Contains(p.JobRoleId))
            .Where(p => p.Rates.PayRate + p.Rates.HolidayPay + p.Rates.EmployerNationalInsurance is var capped && capped > over && capped <= upTo)
            .Select(p => p.Id).Order().ToList();
    }

    private static Task<HttpResponseMessage> SaveAsync(HttpClient client, IDocument edit, string json, string comment, string? cases = null) =>
        client.SubmitAsync(edit, new Dictionary<string, string>
        {
            ["Input.Json"] = json,
            ["Input.TestCases"] = cases ?? CasesOf(edit),
            ["Input.Comment"] = comment,
            ["StartedFrom"] = edit.QuerySelector<IHtmlInputElement>("input[name=StartedFrom]")!.Value,
        }, $"{new Uri(edit.Url).AbsolutePath}?handler=Save");

    private static string CasesOf(IDocument edit) => edit.QuerySelector<IHtmlTextAreaElement>("textarea[name='Input.TestCases']")!.Value;

    private static string JsonOf(IDocument edit) => edit.QuerySelector<IHtmlTextAreaElement>("textarea[name='Input.Json']")!.Value;

    private async Task<PayRateOutcome> DecideAsync() =>
        (await factory.Services.GetRequiredService<IPayRatePolicy>().DecideAsync(FortySevenPounds)).Outcome;

    private string Serving() => factory.Services.GetRequiredService<Application.RuleSets.IRuleSetPublisher>().Serving("pay-rate-caps")!.Json;

    private string Version() => factory.Services.GetRequiredService<Application.RuleSets.IRuleSetPublisher>().Serving("pay-rate-caps")!.Version;

    private string Revision() => factory.Services.GetRequiredService<Application.RuleSets.IRuleSetPublisher>().Serving("pay-rate-caps")!.Revision;
}
