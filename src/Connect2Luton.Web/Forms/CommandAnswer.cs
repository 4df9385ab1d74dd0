using Connect2Luton.Application.Common.Results;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connect2Luton.Web.Forms;

/// <summary>
/// How a page answers a command's result, written once: the record gone is 404, not allowed is 403, done goes
/// where the page says, and anything refused is said at its fields and the form shown again.
/// </summary>
public static class CommandAnswer
{
    /// <summary>404 or 403 for a command that could not reach its record or was not allowed; null for any other result.</summary>
    public static IActionResult? Unreachable(this PageModel page, CommandResult result)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(result);
        return result.Status switch
        {
            CommandStatus.NotFound => page.NotFound(),
            CommandStatus.Forbidden => page.Forbid(),
            _ => null,
        };
    }

    /// <param name="done">Where the page goes once the command is done (a redirect with its banner).</param>
    /// <param name="refused">The page shown again with the refusal at its fields; the form as posted when not given.</param>
    public static async Task<IActionResult> AnswerAsync(this PageModel page, CommandResult result, Func<IActionResult> done, Func<Task<IActionResult>>? refused = null)
    {
        ArgumentNullException.ThrowIfNull(done);
        if (page.Unreachable(result) is { } unreachable) return unreachable;
        // A form whose values could not all be read is only checked, never done, however its check comes out.
        if (result.Status == CommandStatus.Done && page.ModelState.IsValid) return done();
        page.ModelState.AddRefusal(result);
        return refused is null ? page.Page() : await refused();
    }
}
