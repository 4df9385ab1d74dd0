using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Connect2Luton.Web.Forms;

/// <summary>
/// A binder for one value a form posts back, read strictly: nothing posted is no value (or "enter it" where one is
/// needed), and text the reader does not take is "not one of the answers this form offers".
/// </summary>
public abstract class OnePostedValueBinder : IModelBinder
{
    /// <summary>The value <paramref name="text"/> (trimmed, not empty) stands for, or null when it is none the form offers.</summary>
    protected abstract object? Read(string text);

    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        ArgumentNullException.ThrowIfNull(bindingContext);
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
        if (Read(text) is { } value)
            bindingContext.Result = ModelBindingResult.Success(value);
        else
            bindingContext.ModelState.TryAddModelError(bindingContext.ModelName,
                metadata.ModelBindingMessageProvider.AttemptedValueIsInvalidAccessor(text, metadata.DisplayName ?? metadata.Name ?? bindingContext.ModelName));
        return Task.CompletedTask;
    }
}
