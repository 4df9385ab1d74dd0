using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Common.Results;
using Connect2Luton.Application.JobRoles;
using Connect2Luton.Web.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connect2Luton.Web.Pages.Admin.JobRoles;

/// <summary>One job role: its details, saved against the version read, what the pay-rate rules make of its grade, and deactivating or reactivating it.</summary>
[Authorize(Policy = Permissions.ManageReferenceData)]
public sealed class EditModel(JobRoleAdministration administration) : PageModel, IJobRolePage
{
    [BindProperty]
    public JobRoleForm Input { get; set; } = new();

    /// <summary>The version the page was read at, as posted; one that does not read is no version anyone saw.</summary>
    [BindProperty]
    public string? Version { get; set; }

    public JobRoleListing Role { get; private set; } = null!;

    [TempData]
    public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } notHere) return notHere;
        Show(Role);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } notHere) return notHere;
        var input = Input.Read(ModelState);
        // A number that could not be read refuses the form; the rest is still checked so every problem shows at once.
        var result = !ModelState.IsValid ? await administration.CheckAsync(input, id, cancellationToken)
            : FormReading.Choice(Version) is { } version ? await administration.ChangeAsync(id, version, input, cancellationToken)
            : OutOfDate;
        return await AnswerAsync(id, result, () =>
        {
            TempData["Done"] = $"Saved {input.Title?.Trim()}";
            return RedirectToPage("Index");
        }, cancellationToken);
    }

    public Task<IActionResult> OnPostDeactivateAsync(int id, CancellationToken cancellationToken) =>
        SetActiveAsync(id, active: false, " is deactivated: it is no longer offered for new requisitions", cancellationToken);

    public Task<IActionResult> OnPostReactivateAsync(int id, CancellationToken cancellationToken) =>
        SetActiveAsync(id, active: true, " is offered again", cancellationToken);

    // The buttons below the form post no fields of it: the form shows the role as it is.
    private async Task<IActionResult> SetActiveAsync(int id, bool active, string done, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } notHere) return notHere;
        Input = JobRoleForm.From(Role.Role);
        var result = FormReading.Choice(Version) is { } version ? await administration.SetActiveAsync(id, version, active, cancellationToken) : OutOfDate;
        return await AnswerAsync(id, result, () =>
        {
            Done = Role.Role.Title + done;
            return RedirectToPage("Edit", new { id });
        }, cancellationToken);
    }

    private static CommandResult OutOfDate { get; } = CommandResult.Conflict("The page was out of date. It shows the job role as it is now: make your change again.");

    private async Task<IActionResult> AnswerAsync(int id, CommandResult result, Func<IActionResult> done, CancellationToken cancellationToken)
    {
        if (this.Unreachable(result) is { } unreachable) return unreachable;
        if (result.Succeeded) return done();
        ModelState.AddRefusal(result);
        if (result.Status == CommandStatus.Conflict && await administration.FindAsync(id, cancellationToken) is { } latest)
        {
            // What was typed was made against an older version: the form shows the role as it is now.
            foreach (var key in ModelState.Keys.Where(k => k.StartsWith("Input.", StringComparison.Ordinal) || k == nameof(Version)).ToList()) ModelState.Remove(key);
            Role = latest;
            Show(latest);
        }
        return Page();
    }

    private void Show(JobRoleListing listed)
    {
        Input = JobRoleForm.From(listed.Role);
        Version = listed.Role.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await administration.FindAsync(id, cancellationToken) is not { } role) return NotFound();
        Role = role;
        return null;
    }
}
