using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Connect2Luton.Web.TagHelpers;

/// <summary>A single GOV.UK checkbox for a yes/no property; unchecked posts false through a hidden field.</summary>
[HtmlTargetElement("govuk-checkbox", Attributes = "asp-for", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukCheckboxTagHelper : GovukField
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", Error is null ? "govuk-form-group" : "govuk-form-group govuk-form-group--error");
        // Only a tampered post can put an error on a checkbox, but it is still said beside it, as for any field.
        if (Error is { } error) output.Content.AppendHtml($"<p id=\"{Id}-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> {Encoder.Encode(error)}</p>");
        var isChecked = (Value() ?? string.Empty).Split(',').Contains("true", StringComparer.OrdinalIgnoreCase) || For.Model is true;
        output.Content.AppendHtml("<div class=\"govuk-checkboxes govuk-checkboxes--small\" data-module=\"govuk-checkboxes\"><div class=\"govuk-checkboxes__item\">");
        var box = new TagBuilder("input") { TagRenderMode = TagRenderMode.SelfClosing };
        box.Attributes["class"] = "govuk-checkboxes__input";
        box.Attributes["id"] = Id;
        box.Attributes["name"] = Name;
        box.Attributes["type"] = "checkbox";
        box.Attributes["value"] = "true";
        if (isChecked) box.Attributes["checked"] = "checked";
        var describedBy = string.Join(' ', new[] { Hint is null ? null : $"{Id}-hint", Error is null ? null : $"{Id}-error" }.OfType<string>());
        if (describedBy.Length > 0) box.Attributes["aria-describedby"] = describedBy;
        output.Content.AppendHtml(box);
        output.Content.AppendHtml($"<label class=\"govuk-label govuk-checkboxes__label\" for=\"{Id}\">{Encoder.Encode(LabelText)}</label>");
        if (Hint is not null) output.Content.AppendHtml($"<div id=\"{Id}-hint\" class=\"govuk-hint govuk-checkboxes__hint\">{Encoder.Encode(Hint)}</div>");
        output.Content.AppendHtml($"</div></div><input type=\"hidden\" name=\"{Encoder.Encode(Name)}\" value=\"false\">");
    }
}
