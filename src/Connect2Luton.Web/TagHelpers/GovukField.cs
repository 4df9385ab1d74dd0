using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Connect2Luton.Web.TagHelpers;

/// <summary>
/// What every GOV.UK form field shares: the form group (red when in error), label, hint and the error message
/// beside the field, with aria-describedby tying them to the control.
/// </summary>
public abstract class GovukField : TagHelper
{
    protected static readonly HtmlEncoder Encoder = HtmlEncoder.Default;

    [HtmlAttributeName("asp-for")]
    public ModelExpression For { get; set; } = null!;

    public string? Label { get; set; }
    public string? Hint { get; set; }

    /// <summary>The id of something else that describes the field, such as the live rule check shown beside it.</summary>
    [HtmlAttributeName("describedby")]
    public string? AlsoDescribedBy { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    protected string Name => For.Name;
    protected string Id => TagBuilder.CreateSanitizedId(Name, "_");
    protected string LabelText => Label ?? For.Metadata.DisplayName ?? For.Metadata.PropertyName ?? Name;

    protected ModelStateEntry? State => ViewContext.ModelState.TryGetValue(Name, out var state) ? state : null;

    protected string? Error => State?.Errors.FirstOrDefault()?.ErrorMessage;

    /// <summary>The value to show: what the user typed wins over the model, so a rejected value comes back to be corrected.</summary>
    protected string? Value(string? key = null)
    {
        if (key is not null) return ViewContext.ModelState.TryGetValue(key, out var s) ? s.AttemptedValue : null;
        return State?.AttemptedValue ?? For.Model switch
        {
            null => null,
            IFormattable formattable => formattable.ToString(null, CultureInfo.CurrentCulture),
            var model => model.ToString(),
        };
    }

    /// <summary>Opens the form group and writes label, hint and error; returns the ids to describe the control by.</summary>
    protected List<string> Open(TagHelperOutput output, bool fieldset = false)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", Error is null ? "govuk-form-group" : "govuk-form-group govuk-form-group--error");
        if (!fieldset) output.Content.AppendHtml($"<label class=\"govuk-label\" for=\"{Id}\">{Encoder.Encode(LabelText)}</label>");
        return Describe(output);
    }

    protected List<string> Describe(TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var describedBy = new List<string>();
        if (AlsoDescribedBy is not null) describedBy.Add(AlsoDescribedBy);
        if (Hint is not null)
        {
            describedBy.Add($"{Id}-hint");
            output.Content.AppendHtml($"<div id=\"{Id}-hint\" class=\"govuk-hint\">{Encoder.Encode(Hint)}</div>");
        }
        if (Error is { } error)
        {
            describedBy.Add($"{Id}-error");
            output.Content.AppendHtml($"<p id=\"{Id}-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> {Encoder.Encode(error)}</p>");
        }
        return describedBy;
    }

    protected static void DescribedBy(TagBuilder control, List<string> ids)
    {
        ArgumentNullException.ThrowIfNull(control);
        if (ids.Count > 0) control.Attributes["aria-describedby"] = string.Join(' ', ids);
    }
}
