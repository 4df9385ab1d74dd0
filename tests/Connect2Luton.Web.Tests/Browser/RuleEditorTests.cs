using Connect2Luton.Web.Tests.Support;
using Microsoft.Playwright;

namespace Connect2Luton.Web.Tests.Browser;

/// <summary>The rules workspace's code editor in a real browser: under the strict CSP, what is typed is what the server checks.</summary>
public sealed class RuleEditorTests(ChromiumFactory factory) : IClassFixture<ChromiumFactory>
{
    [BrowserFact]
    public async Task An_officer_edits_the_rule_file_in_the_code_editor_and_the_check_reads_exactly_what_was_typed()
    {
        var (page, problems) = await factory.SignedInPageAsync("policy@connect2luton.local");
        await page.GotoAsync("/Rules/Edit/pay-rate-caps");

        var editor = page.Locator(".cm-editor").First;
        await editor.WaitForAsync();
        (await page.Locator("#Input_Json").IsHiddenAsync()).ShouldBeTrue("the editor stands in for the textarea");
        (await editor.Locator(".cm-content").GetAttributeAsync("aria-labelledby")).ShouldNotBeNullOrEmpty();
        var original = await page.Locator("#Input_Json").InputValueAsync();
        await editor.Locator(".cm-content").ClickAsync();
        await page.Keyboard.PressAsync("Control+End");
        // Typed straight after the closing brace: a space typed at the very end of a line arrives from headless
        // Chromium as a no-break space, which would make this test about the browser rather than the editor.
        await page.Keyboard.TypeAsync("oops");

        (await page.Locator("#Input_Json").InputValueAsync()).ShouldBe(original + "oops", "every change is copied into the field the form sends");
        await page.ClickAsync("button[formaction*='handler=Check']");
        await page.Locator("#problems").WaitForAsync();

        (await page.Locator("#problems").TextContentAsync()).ShouldNotBeNull().ShouldContain("The JSON cannot be read");
        // The editor draws only the lines in view; the field under it holds the whole draft, back to be put right.
        (await page.Locator(".cm-editor").First.IsVisibleAsync()).ShouldBeTrue();
        (await page.Locator("#Input_Json").InputValueAsync()).ShouldBe(original + "oops");
        problems.ShouldBeEmpty();
    }

    [BrowserFact]
    public async Task An_officer_switches_a_rule_off_in_its_form_and_the_code_editor_shows_it_written_into_the_draft()
    {
        var (page, problems) = await factory.SignedInPageAsync("policy@connect2luton.local");
        await page.GotoAsync("/Rules/Edit/placement-length-limits");
        await page.Locator(".cm-editor").First.WaitForAsync();

        await page.ClickAsync("#rule-UnderReviewPoint summary");
        await page.UncheckAsync("#Rules_UnderReviewPoint__Enabled");
        await page.ClickAsync("button[formaction*='handler=Apply']");
        await page.Locator("#rule-UnderReviewPoint summary").WaitForAsync();

        (await page.Locator("#rule-UnderReviewPoint summary").TextContentAsync()).ShouldNotBeNull().ShouldContain("(off)");
        var draft = await page.Locator("#Input_Json").InputValueAsync();
        draft.ShouldContain("\"Enabled\": false");
        (await page.Locator(".cm-editor").First.IsVisibleAsync()).ShouldBeTrue("the editor shows the draft the forms were written into");
        await page.ClickAsync("#rule-UnderReviewPoint summary");
        (await page.IsCheckedAsync("#Rules_UnderReviewPoint__Enabled")).ShouldBeFalse();
        await page.Locator("#rules").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", "rule-switched-off.png") });
        problems.ShouldBeEmpty();
    }
}
