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
        return context.Metadata.UnderlyingOrModelType == typeof(int) ? Binder : null;
    }

    private sealed class WholeNumberBinder : IModelBinder
    {
        public Task BindModelAsync(ModelBindingContext bindingContext)
        {
            var posted = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
            if (posted == ValueProviderResult.None) return Task.CompletedTask;
            bindingContext.ModelState.SetModelValue(bindingContext.ModelName, posted);
            var metadata = bindingContext.ModelMetadata;
            var text = posted.FirstValue?.Trim();
            if (string.IsNullOrEmpty(text))
            {
                if (metadata.IsReferenceOrNullableType) bindingContext.Result = ModelBindingResult.Success(null);
                else bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, metadata.ModelBindingMessageProvider.ValueMustNotBeNullAccessor(posted.ToString()));
                return Task.CompletedTask;
            }
            if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
                bindingContext.Result = ModelBindingResult.Success(number);
            else
                bindingContext.ModelState.TryAddModelError(bindingContext.ModelName,
                    metadata.ModelBindingMessageProvider.AttemptedValueIsInvalidAccessor(text, metadata.DisplayName ?? metadata.Name ?? bindingContext.ModelName));
            return Task.CompletedTask;
        }
    }
}
