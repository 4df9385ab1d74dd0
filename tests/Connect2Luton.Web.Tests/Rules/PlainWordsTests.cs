using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Connect2Luton.Application.RuleSets;
using Connect2Luton.Testing;
using Connect2Luton.Web.Tests.Support;

namespace Connect2Luton.Web.Tests.Rules;

/// <summary>
/// Every page of the rules workspace speaks an HR officer's words: values by their labels and in their units, rules
/// and facts in words, no code names, enum names, C# literals or type names. The rule file's own text, in its
/// editors and in comparisons of versions, is the one place code belongs, and is left out.
/// </summary>
public sealed class PlainWordsTests(RuleWorkspaceFactory factory) : IClassFixture<RuleWorkspaceFactory>
{
    private const string Officer = "policy@connect2luton.local";

    [Fact]
    public async Task No_page_of_the_rules_workspace_shows_code_enum_or_type_names()
    {
        var client = await factory.SignedInAsAsync(Officer);
        var pages = new List<IDocument> { await client.GetPageAsync("/Rules") };
        foreach (var name in RuleSetDefinition.BuiltIn.Select(d => d.Name))
        {
            var edit = await client.GetPageAsync($"/Rules/Edit/{name}");
            pages.Add(await client.GetPageAsync($"/Rules/View/{name}"));
            pages.Add(edit);
            pages.Add(await client.GetPageAsync($"/Rules/History/{name}"));
            pages.Add(await Browsing.ParseAsync(await client.SubmitAsync(edit, Draft(edit), $"/Rules/Try/{name}")));
            pages.Add(await Browsing.ParseAsync(await client.SubmitAsync(edit, Draft(edit), $"/Rules/WhatIf/{name}")));
            pages.Add(await Browsing.ParseAsync(await client.SubmitAsync(edit, Draft(edit), $"/Rules/Edit/{name}?handler=Check")));
        }
        // A refused value, a refused save and a comparison of versions, each with its messages.
        var caps = pages.Single(p => p.Url.EndsWith("/Rules/Edit/pay-rate-caps", StringComparison.Ordinal));
        pages.Add(await Browsing.ParseAsync(await client.SubmitAsync(caps, Draft(caps, ("Values[capSocialWorker]", "lots")), "/Rules/Edit/pay-rate-caps?handler=Check")));
        pages.Add(await Browsing.ParseAsync(await client.SubmitAsync(caps, Draft(caps, ("Values[capSocialWorker]", "£47.00"), ("Input.Comment", "Raised")), "/Rules/Edit/pay-rate-caps?handler=Save")));
        var preference = await client.GetPageAsync("/Rules/Edit/local-candidate-preference");
        var saved = await client.SubmitAsync(preference, Draft(preference, ("Values[neighbouringDistricts]", "LU5 LU6 LU7 MK45"), ("Input.Comment", "Flitwick counts as nearby")),
            "/Rules/Edit/local-candidate-preference?handler=Save");
        saved.StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect, (await Browsing.ParseAsync(saved)).QuerySelector(".govuk-error-summary")?.TextContent);
        var history = await client.GetPageAsync("/Rules/History/local-candidate-preference");
        pages.Add(history);
        var compare = history.QuerySelector<IHtmlAnchorElement>("a[href^='/Rules/Diff/']")!;
        pages.Add(await client.GetPageAsync(compare.PathName + compare.Search));

        var found = pages.SelectMany(page => PlainWords.CodeIn(ShownText(page)).Select(code => $"{new Uri(page.Url).PathAndQuery}: {code}")).Distinct().ToList();

        found.ShouldBeEmpty();
    }

    [Fact]
    public async Task Comparing_versions_shows_the_changed_line_with_a_little_context_and_the_whole_file_on_request()
    {
        var client = await factory.SignedInAsAsync(Officer);
        var edit = await client.GetPageAsync("/Rules/Edit/placement-length-limits");
        var saved = await client.SubmitAsync(edit, Draft(edit, ("Values[awrLongestBreakWeeks]", "7 weeks"), ("Input.Comment", "A week's more grace")), "/Rules/Edit/placement-length-limits?handler=Save");
        saved.StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect, (await Browsing.ParseAsync(saved)).QuerySelector(".govuk-error-summary")?.TextContent);
        var history = await client.GetPageAsync("/Rules/History/placement-length-limits");
        var link = history.QuerySelector<IHtmlAnchorElement>("a[href^='/Rules/Diff/']")!;

        var changes = await client.GetPageAsync(link.PathName + link.Search);
        var wholeLink = changes.QuerySelector<IHtmlAnchorElement>("#whole")!;
        var whole = await client.GetPageAsync(wholeLink.PathName + wholeLink.Search);

        var lines = factory.Rules.Read("placement-length-limits.json").Split('\n').Length;
        changes.Text(".app-diff caption").ShouldBe("1 line differs");
        changes.QuerySelectorAll(".app-diff tbody tr:not(.app-diff__folded)").Length.ShouldBe(1 + 2 * 3, "the changed line and three either side");
        changes.QuerySelectorAll(".app-diff__line--modified")[^1].TextContent.ShouldContain("\"Expression\": \"7\"");
        whole.QuerySelectorAll(".app-diff tbody tr").Length.ShouldBe(lines);
        whole.Text("#whole").ShouldBe("Show only the changed lines");
    }

    // The draft as the page holds it, with the fields given changed.
    private static Dictionary<string, string> Draft(IDocument edit, params (string Field, string Value)[] changed)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.Json"] = edit.QuerySelector<IHtmlTextAreaElement>("textarea[name='Input.Json']")!.Value,
            ["Input.TestCases"] = edit.QuerySelector<IHtmlTextAreaElement>("textarea[name='Input.TestCases']")!.Value,
            ["StartedFrom"] = edit.QuerySelector<IHtmlInputElement>("input[name=StartedFrom]")!.Value,
        };
        foreach (var (field, value) in changed) fields[field] = value;
        return fields;
    }

    // What a reader sees: the text of the page and the values of its fields, but not the rule file's own text
    // (its editors, and the lines of a comparison), scripts or hidden fields.
    private static string ShownText(IDocument page)
    {
        var body = (IElement)page.Body!.Clone(deep: true);
        foreach (var hidden in body.QuerySelectorAll("script, style, textarea, input[type=hidden], .app-diff__line, .app-rule-text").ToList()) hidden.Remove();
        var fields = body.QuerySelectorAll("input:not([type=radio]):not([type=checkbox])").OfType<IHtmlInputElement>().Select(i => i.Value);
        // Each piece of text on its own, as the eye separates them ("Success" and "Saved" are two words, not one).
        var text = body.GetDescendants().OfType<IText>().Select(t => t.Data);
        return string.Join('\n', fields.Concat(text));
    }
}
