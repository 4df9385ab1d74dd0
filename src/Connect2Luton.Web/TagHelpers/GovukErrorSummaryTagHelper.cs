using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Connect2Luton.Web.TagHelpers;

/// <summary>
/// GOV.UK error summary: every error on the form at the top of the page, each linking to its field. Renders
/// nothing when the form is valid.
/// </summary>
[HtmlTargetElement("govuk-error-summary", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukErrorSummaryTagHelper : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    /// <summary>Problems besides the form's own errors, each with where on the page it is about (an id with its #).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Also { get; set; } = [];

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var errors = ViewContext.ModelState
            .Where(entry => entry.Value is { Errors.Count: > 0 })
            .SelectMany(entry => entry.Value!.Errors.Select(error => (Key: entry.Key, Message: error.ErrorMessage)))
            .ToList();
        if (errors.Count == 0 && Also.Count == 0)
        {
            output.SuppressOutput();
            return;
        }

        var encoder = HtmlEncoder.Default;
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "govuk-error-summary");
        output.Attributes.SetAttribute("data-module", "govuk-error-summary");
        output.Content.AppendHtml("<div role=\"alert\"><h2 class=\"govuk-error-summary__title\">There is a problem</h2>");
        output.Content.AppendHtml("<div class=\"govuk-error-summary__body\"><ul class=\"govuk-list govuk-error-summary__list\">");
        foreach (var (key, message) in errors)
        {
            var text = encoder.Encode(message);
            output.Content.AppendHtml(string.IsNullOrEmpty(key)
                ? $"<li>{text}</li>"
                : $"<li><a href=\"#{TagBuilder.CreateSanitizedId(key, "_")}\">{text}</a></li>");
        }
        foreach (var (href, message) in Also)
        {
            output.Content.AppendHtml($"<li><a href=\"{encoder.Encode(href)}\">{encoder.Encode(message)}</a></li>");
        }
        output.Content.AppendHtml("</ul></div></div>");
    }
}
