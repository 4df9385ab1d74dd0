using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Connect2Luton.Web.Forms;

/// <summary>
/// A page number in an address, which people edit by hand. Digits past the largest whole number are a page past the
/// end, which every list shows as its last page; anything else (a word, a sign) is the first page, as no number at
/// all is. Neither is an error: there is no field on the page to say it beside.
/// </summary>
public sealed class PageNumberBinder : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        ArgumentNullException.ThrowIfNull(bindingContext);
        // From the query string alone: "page" is also Razor Pages' own route value (the page's path).
        var text = bindingContext.HttpContext.Request.Query[bindingContext.ModelName].FirstOrDefault()?.Trim();
        if (!string.IsNullOrEmpty(text) && text.All(char.IsAsciiDigit))
            bindingContext.Result = ModelBindingResult.Success(int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var page) ? page : int.MaxValue);
        return Task.CompletedTask;
    }
}
