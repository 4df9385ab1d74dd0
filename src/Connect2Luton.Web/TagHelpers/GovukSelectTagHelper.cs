using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Connect2Luton.Web.TagHelpers;

/// <summary>A GOV.UK select. The first option is the prompt, with no value, so nothing is chosen by accident.</summary>
[HtmlTargetElement("govuk-select", Attributes = "asp-for", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukSelectTagHelper : GovukField
{
    public IEnumerable<SelectListItem> Items { get; set; } = [];

    public string Prompt { get; set; } = "Select one";

    /// <summary>
    /// The id of another select whose choice limits this one's options to those offered for it (see
    /// <see cref="LimitedChoice"/>); done in the browser as a convenience, the server checks the pair whatever is sent.
    /// </summary>
    public string? FilteredBy { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var describedBy = Open(output);
        var select = new TagBuilder("select");
        select.Attributes["class"] = Error is null ? "govuk-select" : "govuk-select govuk-select--error";
        select.Attributes["id"] = Id;
        select.Attributes["name"] = Name;
        DescribedBy(select, describedBy);
        if (FilteredBy is not null) select.Attributes["data-filtered-by"] = FilteredBy;
        var current = Value();
        select.InnerHtml.AppendHtml($"<option value=\"\">{Encoder.Encode(Prompt)}</option>");
        foreach (var item in Items)
        {
            var option = new TagBuilder("option");
            option.Attributes["value"] = item.Value;
            if (item.Value == current) option.Attributes["selected"] = "selected";
            if (item is LimitedChoice { OfferedFor: { Count: > 0 } offeredFor }) option.Attributes["data-offered-for"] = string.Join(' ', offeredFor);
            option.InnerHtml.Append(item.Text);
            select.InnerHtml.AppendHtml(option);
        }
        output.Content.AppendHtml(select);
    }
}

/// <summary>An option offered only when the select it is filtered by has one of <see cref="OfferedFor"/> chosen; offered always when empty.</summary>
public sealed class LimitedChoice(string text, string value, IReadOnlyList<string> offeredFor) : SelectListItem(text, value)
{
    public IReadOnlyList<string> OfferedFor { get; } = offeredFor;
}
