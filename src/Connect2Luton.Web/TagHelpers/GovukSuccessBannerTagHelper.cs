using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Connect2Luton.Web.TagHelpers;

/// <summary>
/// GOV.UK success banner for what the last action did ("Extended to 4 June 2027"). Renders nothing without text,
/// so a page writes it once and it shows only after an action. Marked <see cref="Important"/>, it is GOV.UK's plain
/// notification banner instead, for something the user should know that they did not just do.
/// </summary>
[HtmlTargetElement("govuk-success-banner", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukSuccessBannerTagHelper : TagHelper
{
    public string? Text { get; set; }

    /// <summary>The banner's id, for tests and links; its heading's id follows it.</summary>
    public string Id { get; set; } = "done";

    /// <summary>Headed "Important", not "Success": nothing was done by the request that shows it.</summary>
    public bool Important { get; set; }

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
        output.Attributes.SetAttribute("class", Important ? "govuk-notification-banner" : "govuk-notification-banner govuk-notification-banner--success");
        output.Attributes.SetAttribute("role", Important ? "region" : "alert");
        output.Attributes.SetAttribute("aria-labelledby", title);
        output.Attributes.SetAttribute("data-module", "govuk-notification-banner");
        output.Attributes.SetAttribute("id", Id);
        output.Content.SetHtmlContent(
            $"<div class=\"govuk-notification-banner__header\"><h2 class=\"govuk-notification-banner__title\" id=\"{encoder.Encode(title)}\">{(Important ? "Important" : "Success")}</h2></div>" +
            $"<div class=\"govuk-notification-banner__content\"><p class=\"govuk-notification-banner__heading\">{encoder.Encode(Text)}</p></div>");
    }
}
