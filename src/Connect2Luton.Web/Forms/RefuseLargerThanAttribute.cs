using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Connect2Luton.Web.Forms;

/// <summary>
/// Answers 413, which the status page says in words with the limit, for a request that says it is larger than the
/// page will read. It runs before the antiforgery check reads the form: reading a body past the server's limit fails
/// part-way, and the antiforgery check would report that as a form left open too long.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
internal sealed class RefuseLargerThanAttribute(long bytes) : Attribute, IAuthorizationFilter, IOrderedFilter
{
    // After the request size limit is set for the page (900), before the antiforgery check (1000).
    public int Order => 950;

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.HttpContext.Request.ContentLength > bytes) context.Result = new StatusCodeResult(StatusCodes.Status413PayloadTooLarge);
    }
}
