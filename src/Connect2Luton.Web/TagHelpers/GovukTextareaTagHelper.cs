using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Connect2Luton.Web.TagHelpers;

[HtmlTargetElement("govuk-textarea", Attributes = "asp-for", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukTextareaTagHelper : GovukField
{
    public int Rows { get; set; } = 5;

    /// <summary>A class added to the textarea itself (the rules editor's monospace text).</summary>
    public string? InputClass { get; set; }

    /// <summary>Marks the textarea for the code editor to enhance; it stays the field the form sends.</summary>
    public bool CodeEditor { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var describedBy = Open(output);
        var textarea = new TagBuilder("textarea");
        textarea.Attributes["class"] = (Error is null ? "govuk-textarea" : "govuk-textarea govuk-textarea--error") + (InputClass is null ? "" : $" {InputClass}");
        textarea.Attributes["id"] = Id;
        textarea.Attributes["name"] = Name;
        textarea.Attributes["rows"] = Rows.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (CodeEditor)
        {
            textarea.Attributes["data-code-editor"] = "json";
            textarea.Attributes["spellcheck"] = "false";
        }
        DescribedBy(textarea, describedBy);
        textarea.InnerHtml.Append(Value() ?? string.Empty);
        output.Content.AppendHtml(textarea);
    }
}
