using Connect2Luton.Application.Common.Results;
using Connect2Luton.Application.SignOffs;
using Connect2Luton.Web.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connect2Luton.Web.Pages.SignOffs;

/// <summary>
/// One request for sign-off as its signers read it: the terms, why it is asked, the rules' decision and its reasons,
/// each post's part so far, and, for the holder of this post, signing it off or declining it with a reason.
/// </summary>
[Authorize]
public sealed class DetailsModel(SignOffQueries queries, SignOffCommands commands) : PageModel
{
    public SignOffRequestView Asked { get; private set; } = null!;

    /// <summary>The placement's version when the page was read: a request changed since (signed, declined, called off) is a conflict.</summary>
    [BindProperty]
    public int? Version { get; set; }

    [BindProperty]
    public SignOffForm Input { get; set; } = new();

    [TempData]
    public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } notHere) return notHere;
        Version = Asked.PlacementVersion;
        return Page();
    }

    public Task<IActionResult> OnPostGiveAsync(int id, CancellationToken cancellationToken) =>
        DecideAsync(id, give: true, cancellationToken);

    public Task<IActionResult> OnPostDeclineAsync(int id, CancellationToken cancellationToken) =>
        DecideAsync(id, give: false, cancellationToken);

    private async Task<IActionResult> DecideAsync(int id, bool give, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } notHere) return notHere;
        var field = give ? "Input.Note" : "Input.Reason";
        var result = Version is not { } version
            ? CommandResult.Conflict("The page was out of date. It shows the request as it is now: read it again before you sign.")
            : give
                ? await commands.GiveAsync(id, version, Input.Note, cancellationToken)
                : await commands.DeclineAsync(id, version, Input.Reason, cancellationToken);
        if (this.Unreachable(result) is { } unreachable) return unreachable;
        if (result.Succeeded)
        {
            Done = give ? $"You signed this off for the {Asked.Position}" : $"You declined this for the {Asked.Position}";
            return RedirectToPage("Details", new { id });
        }
        foreach (var (_, message) in result.Errors) ModelState.AddModelError(field, message);
        if (result.Message is not null) ModelState.AddModelError(string.Empty, result.Message);
        if (result.Status == CommandStatus.Conflict && await LoadAsync(id, cancellationToken) is null)
        {
            // What changed is shown; what this person typed stays in the form.
            ModelState.Remove(nameof(Version));
            Version = Asked.PlacementVersion;
        }
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var (view, notHeld) = await queries.GetAsync(id, cancellationToken);
        if (notHeld) return Forbid();
        if (view is null) return NotFound();
        Asked = view;
        return null;
    }

    public sealed class SignOffForm
    {
        public string? Note { get; set; }
        public string? Reason { get; set; }
    }
}
