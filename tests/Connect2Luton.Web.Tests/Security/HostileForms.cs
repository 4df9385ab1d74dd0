using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Connect2Luton.Web.Tests.Security;

public enum FieldKind { Text, Number, DatePart, Choice, Check, Hidden, HiddenNumber }

/// <summary>A field of a form as the page renders it: what a browser would send unchanged, and what a person may choose.</summary>
public sealed record FormField(string Name, FieldKind Kind, string Value, IReadOnlyList<string> Options, bool Optional)
{
    /// <summary>A date's fields share the name before the last dot: <c>Input.StartDate.Day</c> is in <c>Input.StartDate</c>.</summary>
    public string Group => Kind == FieldKind.DatePart ? Name[..Name.LastIndexOf('.')] : Name;

    /// <summary>Hidden fields that say which version the form was opened at; any other value is a conflict.</summary>
    public bool IsVersion => Kind is FieldKind.Hidden or FieldKind.HiddenNumber
        && (Name.EndsWith("Version", StringComparison.Ordinal) || Name == "StartedFrom");
}

/// <summary>A form found on a page: where it posts and its fields (the antiforgery token apart).</summary>
public sealed record FoundForm(string Action, IReadOnlyList<FormField> Fields, string Token)
{
    /// <summary>The form of <paramref name="page"/> that posts to <paramref name="path"/> with <paramref name="handler"/>, by its action or a button's.</summary>
    public static FoundForm? On(IDocument page, string path, string? handler)
    {
        var token = page.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")?.Value;
        if (token is null) return null;
        foreach (var form in page.QuerySelectorAll<IHtmlFormElement>("form").Where(f => f.Method.Equals("post", StringComparison.OrdinalIgnoreCase)))
        {
            var targets = new[] { form.GetAttribute("action") ?? string.Empty }
                .Concat(form.QuerySelectorAll("button[formaction]").Select(b => b.GetAttribute("formaction")!));
            foreach (var target in targets)
            {
                var address = new Uri(new Uri(page.Url), target);
                var query = System.Web.HttpUtility.ParseQueryString(address.Query);
                if (address.AbsolutePath.Equals(path, StringComparison.OrdinalIgnoreCase) && string.Equals(query["handler"], handler, StringComparison.OrdinalIgnoreCase))
                    return new FoundForm(address.PathAndQuery, FieldsOf(page, form), token);
            }
        }
        return null;
    }

    private static List<FormField> FieldsOf(IDocument page, IHtmlFormElement form)
    {
        var fields = new List<FormField>();
        foreach (var element in form.Elements.OfType<IElement>())
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || name == "__RequestVerificationToken") continue;
            var optional = LabelOf(page, element).Contains("(optional)", StringComparison.OrdinalIgnoreCase);
            switch (element)
            {
                case IHtmlSelectElement select:
                    fields.Add(new FormField(name, FieldKind.Choice, select.Value ?? string.Empty, [.. select.Options.Select(o => o.Value)], optional));
                    break;
                case IHtmlTextAreaElement textarea:
                    fields.Add(new FormField(name, FieldKind.Text, textarea.Value, [], optional));
                    break;
                case IHtmlInputElement input when input.Type is "radio":
                    // One field for the group: its options are every radio of that name.
                    if (fields.Any(f => f.Name == name)) continue;
                    var radios = form.Elements.OfType<IHtmlInputElement>().Where(r => r.Type == "radio" && r.Name == name).ToList();
                    fields.Add(new FormField(name, FieldKind.Choice, radios.FirstOrDefault(r => r.IsChecked)?.Value ?? string.Empty, [.. radios.Select(r => r.Value)], optional));
                    break;
                case IHtmlInputElement input when input.Type is "checkbox":
                    // ASP.NET pairs a yes-or-no box with a hidden "false", sent when the box is not ticked.
                    fields.Add(new FormField(name, FieldKind.Check, input.IsChecked ? input.Value : "false", [input.Value], true));
                    break;
                case IHtmlInputElement input when input.Type is "hidden" && form.Elements.OfType<IHtmlInputElement>().Any(c => c.Type == "checkbox" && c.Name == name):
                    break;
                case IHtmlInputElement input when input.Type is "hidden":
                    fields.Add(new FormField(name, int.TryParse(input.Value, out _) ? FieldKind.HiddenNumber : FieldKind.Hidden, input.Value, [], false));
                    break;
                case IHtmlInputElement input when input.Type is "submit" or "button":
                    break;
                case IHtmlInputElement input:
                    var kind = input.ClassList.Contains("govuk-date-input__input") ? FieldKind.DatePart
                        : input.GetAttribute("inputmode") is "numeric" or "decimal" || input.Type == "number" ? FieldKind.Number
                        : FieldKind.Text;
                    fields.Add(new FormField(name, kind, input.Value, [], optional));
                    break;
            }
        }
        return fields;
    }

    // GOV.UK labels an optional field "(optional)": on its label, or on the legend of the fieldset it is in.
    private static string LabelOf(IDocument page, IElement element)
    {
        var id = element.Id;
        var label = id is null ? null : page.QuerySelectorAll("label").FirstOrDefault(l => l.GetAttribute("for") == id)?.TextContent;
        var legend = element.Closest("fieldset")?.QuerySelector("legend")?.TextContent;
        return $"{label} {(element is IHtmlInputElement { Type: "radio" or "checkbox" } || element.ClassList.Contains("govuk-date-input__input") ? legend : null)}";
    }
}
