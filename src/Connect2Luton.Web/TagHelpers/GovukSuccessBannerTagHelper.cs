using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Connect2Luton.Web.TagHelpers;

/// <summary>
/// GOV.UK success banner for what the last action did ("Extended to 4 June 2027"). Renders nothing without text,
/// so a page writes it once and it shows only after an action.
/// </summary>
[HtmlTargetElement("govuk-success-banner", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukSuccessBannerTagHelper : TagHelper
{
    public string? Text { get; set; }

    /// <summary>The banner's id, for tests and links; its heading's id follows it.</summary>
    public string Id { get; set; } = "done";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (string.IsNullOrEmpty(Text))
        {
            output.SuppressOutput();
            return;
        }
        var encoder = HtmlEncoder.Default;
        var title = $"{Id}-title";
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "govuk-notification-banner govuk-notification-banner--success");
        output.Attributes.SetAttribute("role", "alert");
        output.Attributes.SetAttribute("aria-labelledby", title);
        output.Attributes.SetAttribute("data-module", "govuk-notification-banner");
        output.Attributes.SetAttribute("id", Id);
        output.Content.SetHtmlContent(
            $"<div class=\"govuk-notification-banner__header\"><h2 class=\"govuk-notification-banner__title\" id=\"{encoder.Encode(title)}\">Success</h2></div>" +
            $"<div class=\"govuk-notification-banner__content\"><p class=\"govuk-notification-banner__heading\">{encoder.Encode(Text)}</p></div>");
    }
}
