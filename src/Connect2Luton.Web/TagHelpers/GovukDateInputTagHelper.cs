using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Connect2Luton.Web.TagHelpers;

/// <summary>
/// The GOV.UK date input for a <see cref="Forms.DateInput"/>: a fieldset with day, month and year. The day field
/// carries the property's id, so the error summary's link lands on it.
/// </summary>
[HtmlTargetElement("govuk-date-input", Attributes = "asp-for", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukDateInputTagHelper : GovukField
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", Error is null ? "govuk-form-group" : "govuk-form-group govuk-form-group--error");
        output.Content.AppendHtml("<fieldset class=\"govuk-fieldset\" role=\"group\"");
        var describedBy = new List<string>();
        if (Hint is not null) describedBy.Add($"{Id}-hint");
        if (Error is not null) describedBy.Add($"{Id}-error");
        if (AlsoDescribedBy is not null) describedBy.Add(AlsoDescribedBy);
        if (describedBy.Count > 0) output.Content.AppendHtml($" aria-describedby=\"{string.Join(' ', describedBy)}\"");
        output.Content.AppendHtml($"><legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">{Encoder.Encode(LabelText)}</legend>");
        Describe(output);
        output.Content.AppendHtml($"<div class=\"govuk-date-input\" id=\"{Id}-parts\">");
        var model = For.Model as Forms.DateInput;
        Part(output, "Day", model?.Day, "govuk-input--width-2", first: true);
        Part(output, "Month", model?.Month, "govuk-input--width-2", first: false);
        Part(output, "Year", model?.Year, "govuk-input--width-4", first: false);
        output.Content.AppendHtml("</div></fieldset>");
    }

    private void Part(TagHelperOutput output, string part, string? modelValue, string width, bool first)
    {
        var name = $"{Name}.{part}";
        var id = first ? Id : $"{Id}_{part}";
        var value = Value(name) ?? modelValue;
        var error = Error is null ? string.Empty : " govuk-input--error";
        output.Content.AppendHtml(
            $"<div class=\"govuk-date-input__item\"><div class=\"govuk-form-group\">" +
            $"<label class=\"govuk-label govuk-date-input__label\" for=\"{id}\">{part}</label>" +
            $"<input class=\"govuk-input govuk-date-input__input {width}{error}\" id=\"{id}\" name=\"{Encoder.Encode(name)}\" type=\"text\" inputmode=\"numeric\"" +
            (value is null ? string.Empty : $" value=\"{Encoder.Encode(value)}\"") + "></div></div>");
    }
}
