using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Connect2Luton.Web.TagHelpers;

/// <summary>
/// A GOV.UK text input bound to a model property: label, hint, the error message next to the field, and the
/// value the user typed when the form comes back with errors (never for passwords).
/// </summary>
[HtmlTargetElement("govuk-input", Attributes = "asp-for", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukInputTagHelper : TagHelper
{
    [HtmlAttributeName("asp-for")]
    public ModelExpression For { get; set; } = null!;

    public string? Label { get; set; }
    public string? Hint { get; set; }
    public string Type { get; set; } = "text";
    public string? Autocomplete { get; set; }
    public string? InputClass { get; set; }
    public bool? Spellcheck { get; set; }

    /// <summary>Shows the label as the page heading, for one-question pages.</summary>
    public bool LabelIsPageHeading { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var encoder = HtmlEncoder.Default;
        var name = For.Name;
        var id = TagBuilder.CreateSanitizedId(name, "_");
        var error = ViewContext.ModelState.TryGetValue(name, out var state) ? state.Errors.FirstOrDefault()?.ErrorMessage : null;
        var label = Label ?? For.Metadata.DisplayName ?? For.Metadata.PropertyName ?? name;
        var describedBy = new List<string>();

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", error is null ? "govuk-form-group" : "govuk-form-group govuk-form-group--error");

        var labelHtml = $"<label class=\"govuk-label{(LabelIsPageHeading ? " govuk-label--l" : string.Empty)}\" for=\"{id}\">{encoder.Encode(label)}</label>";
        output.Content.AppendHtml(LabelIsPageHeading ? $"<h1 class=\"govuk-label-wrapper\">{labelHtml}</h1>" : labelHtml);
        if (Hint is not null)
        {
            describedBy.Add($"{id}-hint");
            output.Content.AppendHtml($"<div id=\"{id}-hint\" class=\"govuk-hint\">{encoder.Encode(Hint)}</div>");
        }
        if (error is not null)
        {
            describedBy.Add($"{id}-error");
            output.Content.AppendHtml($"<p id=\"{id}-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> {encoder.Encode(error)}</p>");
        }

        var input = new TagBuilder("input") { TagRenderMode = TagRenderMode.SelfClosing };
        input.Attributes["class"] = string.Join(' ', new[] { "govuk-input", InputClass, error is null ? null : "govuk-input--error" }.Where(c => c is not null));
        input.Attributes["id"] = id;
        input.Attributes["name"] = name;
        input.Attributes["type"] = Type;
        if (Type != "password" && Value(state) is { } value) input.Attributes["value"] = value;
        if (describedBy.Count > 0) input.Attributes["aria-describedby"] = string.Join(' ', describedBy);
        if (Autocomplete is not null) input.Attributes["autocomplete"] = Autocomplete;
        if (Spellcheck is { } spellcheck) input.Attributes["spellcheck"] = spellcheck ? "true" : "false";
        output.Content.AppendHtml(input);
    }

    // What the user typed wins over the model, so a rejected value is shown back to be corrected.
    private string? Value(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateEntry? state) =>
        state?.AttemptedValue ?? For.Model switch
        {
            null => null,
            IFormattable formattable => formattable.ToString(null, CultureInfo.CurrentCulture),
            var model => model.ToString(),
        };
}
