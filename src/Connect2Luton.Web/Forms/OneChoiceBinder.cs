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

    private sealed class OneChoiceBinder(Type type) : OnePostedValueBinder
    {
        private readonly string[] _names = Enum.GetNames(type);

        protected override object? Read(string text) =>
            Array.Find(_names, n => n.Equals(text, StringComparison.OrdinalIgnoreCase)) is { } name ? Enum.Parse(type, name) : null;
    }
}
