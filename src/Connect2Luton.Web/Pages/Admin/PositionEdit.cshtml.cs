using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Common.Results;
using Connect2Luton.Application.SignOffs;
using Connect2Luton.Web.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connect2Luton.Web.Pages.Admin;

/// <summary>Who holds one sign-off post, and who deputises: chosen from the people who can sign in.</summary>
[Authorize(Policy = Permissions.ManageSignOffPositions)]
public sealed class PositionEditModel(SignOffPositions positions) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Post { get; set; }

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public string? Holder { get; set; }

    [BindProperty]
    public string? Deputy { get; set; }

    public PositionRow Position { get; private set; } = null!;

    public IReadOnlyList<DirectoryUser> People { get; private set; } = [];

    [TempData]
    public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } notHere) return notHere;
        Version = Position.Version;
        Holder = Position.Holder?.UserName;
        Deputy = Position.Deputy?.UserName;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } notHere) return notHere;
        // A version that does not read is not a version anyone saw: said as a conflict, never saved over.
        var result = ModelState.TryGetValue(nameof(Version), out var typed) && typed.Errors.Count > 0
            ? CommandResult.Conflict("The page was out of date. It shows who holds the post now: choose again.")
            : await positions.AssignAsync(Position.Name, Version, Holder, Deputy, cancellationToken);
        if (this.Unreachable(result) is { } unreachable) return unreachable;
        if (result.Succeeded)
        {
            Done = $"Saved who holds the post of {Position.Name}";
            return RedirectToPage("Positions");
        }
        foreach (var (field, message) in result.Errors) ModelState.AddModelError(field, message);
        if (result.Message is not null) ModelState.AddModelError(string.Empty, result.Message);
        if (result.Status == CommandStatus.Conflict)
        {
            ModelState.Remove(nameof(Version));
            Version = Position.Version;
        }
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        var found = (await positions.ListAsync(cancellationToken)).FirstOrDefault(p => string.Equals(p.Name, Post, StringComparison.OrdinalIgnoreCase));
        if (found is null) return NotFound();
        Position = found;
        People = await positions.PeopleAsync(cancellationToken);
        return null;
    }
}
