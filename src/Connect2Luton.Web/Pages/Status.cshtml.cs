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
    // No handlers: the page describes the status whatever the method of the request it re-executes (a POST whose
    // form could not be read, a PUT no page takes), and it needs nothing bound to do so.
    public string Heading => Described.Heading;

    public string Advice => Described.Advice;

    private (string Heading, string Advice) Described => _described ??= Describe(
        HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalStatusCode
        ?? (int.TryParse(RouteData.Values["code"]?.ToString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var code) ? code : 500));

    private (string, string)? _described;

    private (string Heading, string Advice) Describe(int code) =>
        code switch
        {
            StatusCodes.Status404NotFound => ("Page not found", "If you typed the web address, check it is correct. If you followed a link, the record may have been removed."),
            StatusCodes.Status403Forbidden => ("You do not have permission to see this page", "Your role does not include this part of Connect2Luton."),
            StatusCodes.Status400BadRequest => ("Sorry, that request could not be used", "Go back, reload the page and try again. Forms expire if left open for a long time."),
            StatusCodes.Status503ServiceUnavailable => (UnavailableWords.Heading,
                HttpContext.Items[DatabaseFaultPage.RulesItemKey] is Application.Policies.PolicyUnavailableException rules
                    ? UnavailableWords.Advice(rules)
                    : UnavailableWords.Advice(HttpContext.Items[DatabaseFaultPage.ItemKey] as DatabaseFault)),
            // Only the rules workspace queues its posts (RuleCheckQueue).
            StatusCodes.Status429TooManyRequests => ("The rules checker is busy",
                "Other drafts of the rules, yours or another officer's, are being checked. Nothing has changed: go back (your draft is still in the form) and try again in a minute."),
            StatusCodes.Status405MethodNotAllowed => ("That cannot be done on this page", "Go back and use the page's own buttons and links."),
            // Only a file upload is this large; files a little over the limit get the limit on their own page.
            StatusCodes.Status413PayloadTooLarge => ("That file is too large to send",
                $"A file to import can be at most {Application.Imports.ImportFile.Limit}. Split it into smaller files and import each."),
            _ => ("Sorry, there is a problem with the service", "Try again later."),
        };
}
