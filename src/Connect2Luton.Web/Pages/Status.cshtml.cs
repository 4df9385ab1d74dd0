using Connect2Luton.Infrastructure.Persistence;
using Connect2Luton.Web.Availability;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connect2Luton.Web.Pages;

/// <summary>The page shown for an error status with no body of its own (a mistyped address, a bad request).</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class StatusModel : PageModel
{
    public string Heading { get; private set; } = string.Empty;
    public string Advice { get; private set; } = string.Empty;

    public void OnGet(int code) => Describe(OriginalStatus ?? code);

    // Re-executing a POST whose form could not be read (a NUL in a value) fails every bound value, the code among
    // them, and would describe a bad request as the service failing: the status being shown is known without binding.
    public void OnPost(int code) => Describe(OriginalStatus ?? code);

    private int? OriginalStatus => HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalStatusCode;

    private void Describe(int code)
    {
        (Heading, Advice) = code switch
        {
            StatusCodes.Status404NotFound => ("Page not found", "If you typed the web address, check it is correct. If you followed a link, the record may have been removed."),
            StatusCodes.Status403Forbidden => ("You do not have permission to see this page", "Your role does not include this part of Connect2Luton."),
            StatusCodes.Status400BadRequest => ("Sorry, that request could not be used", "Go back, reload the page and try again. Forms expire if left open for a long time."),
            StatusCodes.Status503ServiceUnavailable => (UnavailableWords.Heading,
                HttpContext.Items[DatabaseFaultPage.RulesItemKey] is Application.Policies.PolicyUnavailableException rules
                    ? UnavailableWords.Advice(rules)
                    : UnavailableWords.Advice(HttpContext.Items[DatabaseFaultPage.ItemKey] as DatabaseFault)),
            _ => ("Sorry, there is a problem with the service", "Try again later."),
        };
    }
}
