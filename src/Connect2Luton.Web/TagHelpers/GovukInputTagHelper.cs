using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Connect2Luton.Web.TagHelpers;

/// <summary>A GOV.UK text input (with an optional prefix such as £ or suffix such as "hours"). Passwords are never echoed.</summary>
[HtmlTargetElement("govuk-input", Attributes = "asp-for", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukInputTagHelper : GovukField
{
    public string Type { get; set; } = "text";
    public string? Autocomplete { get; set; }
    public string? InputClass { get; set; }
    public string? Inputmode { get; set; }
    public bool? Spellcheck { get; set; }

    /// <summary>The id of a datalist of suggestions the browser offers as the user types.</summary>
    public string? List { get; set; }
    public string? Prefix { get; set; }
    public string? Suffix { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var describedBy = Open(output);
        var input = new TagBuilder("input") { TagRenderMode = TagRenderMode.SelfClosing };
        input.Attributes["class"] = string.Join(' ', new[] { "govuk-input", InputClass, Error is null ? null : "govuk-input--error" }.Where(c => c is not null));
        input.Attributes["id"] = Id;
        input.Attributes["name"] = Name;
        input.Attributes["type"] = Type;
        if (Type != "password" && Value() is { } value) input.Attributes["value"] = value;
        DescribedBy(input, describedBy);
        if (Autocomplete is not null) input.Attributes["autocomplete"] = Autocomplete;
        if (Inputmode is not null) input.Attributes["inputmode"] = Inputmode;
        if (Spellcheck is { } spellcheck) input.Attributes["spellcheck"] = spellcheck ? "true" : "false";
        if (List is not null) input.Attributes["list"] = List;

        if (Prefix is null && Suffix is null)
        {
            output.Content.AppendHtml(input);
            return;
        }
        output.Content.AppendHtml("<div class=\"govuk-input__wrapper\">");
        if (Prefix is not null) output.Content.AppendHtml($"<div class=\"govuk-input__prefix\" aria-hidden=\"true\">{Encoder.Encode(Prefix)}</div>");
        output.Content.AppendHtml(input);
        if (Suffix is not null) output.Content.AppendHtml($"<div class=\"govuk-input__suffix\" aria-hidden=\"true\">{Encoder.Encode(Suffix)}</div>");
        output.Content.AppendHtml("</div>");
    }
}
