using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Connect2Luton.Web.Forms;

/// <summary>
/// A choice posted back (a job family, a DBS level) read as exactly one of the choice's names. The framework's
/// binder goes through the enum's converter, which reads "Housing,Planning" as the two combined, a number as whatever
/// choice has it, and either may land on another choice altogether: values no form of ours sends.
/// </summary>
public sealed class OneChoiceBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var type = context.Metadata.UnderlyingOrModelType;
        return type.IsEnum && !type.IsDefined(typeof(FlagsAttribute), inherit: false) ? new OneChoiceBinder(type) : null;
    }

    private sealed class OneChoiceBinder(Type type) : IModelBinder
    {
        private readonly string[] _names = Enum.GetNames(type);

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
            if (Array.Find(_names, n => n.Equals(text, StringComparison.OrdinalIgnoreCase)) is { } name)
                bindingContext.Result = ModelBindingResult.Success(Enum.Parse(type, name));
            else
                bindingContext.ModelState.TryAddModelError(bindingContext.ModelName,
                    metadata.ModelBindingMessageProvider.AttemptedValueIsInvalidAccessor(text, metadata.DisplayName ?? metadata.Name ?? bindingContext.ModelName));
            return Task.CompletedTask;
        }
    }
}
