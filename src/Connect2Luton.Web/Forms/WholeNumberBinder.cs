using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Connect2Luton.Web.Forms;

/// <summary>
/// Whole numbers posted back (ids and versions in hidden fields, page numbers) read as plain decimal digits. The
/// framework's binder goes through Int32Converter, which also takes "0x1F" as 31: a value no form of ours sends.
/// </summary>
public sealed class WholeNumberBinderProvider : IModelBinderProvider
{
    private static readonly WholeNumberBinder Binder = new();

    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // A binder named on the property (a page number's) is the one it asked for.
        return context.Metadata.UnderlyingOrModelType == typeof(int) && context.BindingInfo.BinderType is null ? Binder : null;
    }

    private sealed class WholeNumberBinder : OnePostedValueBinder
    {
        protected override object? Read(string text) =>
            int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) ? number : null;
    }
}
