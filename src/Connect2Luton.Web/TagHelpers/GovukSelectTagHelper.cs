using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Connect2Luton.Web.TagHelpers;

/// <summary>A GOV.UK select. The first option is the prompt, with no value, so nothing is chosen by accident.</summary>
[HtmlTargetElement("govuk-select", Attributes = "asp-for", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukSelectTagHelper : GovukField
{
    public IEnumerable<SelectListItem> Items { get; set; } = [];

    public string Prompt { get; set; } = "Select one";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var describedBy = Open(output);
        var select = new TagBuilder("select");
        select.Attributes["class"] = Error is null ? "govuk-select" : "govuk-select govuk-select--error";
        select.Attributes["id"] = Id;
        select.Attributes["name"] = Name;
        DescribedBy(select, describedBy);
        var current = Value();
        select.InnerHtml.AppendHtml($"<option value=\"\">{Encoder.Encode(Prompt)}</option>");
        foreach (var item in Items)
        {
            var option = new TagBuilder("option");
            option.Attributes["value"] = item.Value;
            if (item.Value == current) option.Attributes["selected"] = "selected";
            option.InnerHtml.Append(item.Text);
            select.InnerHtml.AppendHtml(option);
        }
        output.Content.AppendHtml(select);
    }
}
