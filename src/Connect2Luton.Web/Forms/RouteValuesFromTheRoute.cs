using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Routing.Patterns;

namespace Connect2Luton.Web.Forms;

/// <summary>
/// A handler's parameter named in its page's route ({id}, {name}) is read from the address only. Model binding
/// reads the form first, so a posted field called "id" or "name" would otherwise act on another record than the
/// address shows (still within what the user may see, but not what the page says).
/// </summary>
internal sealed class RouteValuesFromTheRoute : IPageApplicationModelConvention
{
    public void Apply(PageApplicationModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.ActionDescriptor.AttributeRouteInfo?.Template is not { } template) return;
        var inRoute = RoutePatternFactory.Parse(template).Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var parameter in model.HandlerMethods.SelectMany(h => h.Parameters).Where(p => inRoute.Contains(p.ParameterName)))
        {
            parameter.BindingInfo ??= new BindingInfo();
            parameter.BindingInfo.BindingSource = BindingSource.Path;
        }
    }
}
