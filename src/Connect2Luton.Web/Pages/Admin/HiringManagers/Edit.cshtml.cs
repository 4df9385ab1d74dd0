using Connect2Luton.Application.Common;
using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Common.Results;
using Connect2Luton.Application.HiringManagers;
using Connect2Luton.Web.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Connect2Luton.Web.Pages.Admin.HiringManagers;

/// <summary>
/// One hiring manager: name, job title and phone, and their service and standing unless those follow the account
/// they sign in with (then the page says so and links to it). Saved against the version read.
/// </summary>
[Authorize(Policy = Permissions.ManageReferenceData)]
public sealed class EditModel(HiringManagerAdministration administration, ReferenceNames names) : PageModel, IHiringManagerPage
{
    [BindProperty]
    public HiringManagerForm Input { get; set; } = new();

    /// <summary>The version the page was read at, as posted; one that does not read is no version anyone saw.</summary>
    [BindProperty]
    public string? Version { get; set; }

    public HiringManagerListing Listing { get; private set; } = null!;

    public IReadOnlyList<SelectListItem> ServiceAreas { get; private set; } = [];

    public bool ServiceFollowsAccount => Listing.FollowsAccount;

    /// <summary>Whether they are active follows their account, and already agrees with it: nothing to do here.</summary>
    public bool FollowsAccountStanding => Listing.FollowsAccount && Listing.Account!.IsActive == Listing.Manager.IsActive;

    [TempData]
    public string? Done { get; set; }

    /// <summary>Whether and how they sign in, in words.</summary>
    public static string SignsIn(HiringManagerListing listed)
    {
        ArgumentNullException.ThrowIfNull(listed);
        return listed.Account switch
        {
            null => "No: they have no account",
            { IsActive: false } => "No: their account is deactivated",
            { ActsForService: true } => "Yes, as a hiring manager",
            _ => "Yes, but not as a hiring manager",
        };
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } notHere) return notHere;
        Show(Listing);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } notHere) return notHere;
        var input = Input.Read();
        // Their email is not changed here; their service, while it follows their account, is not chosen here either.
        input = input with
        {
            Email = Listing.Manager.Email,
            ServiceAreaId = ServiceFollowsAccount ? Listing.Manager.ServiceAreaId : input.ServiceAreaId,
        };
        var result = FormReading.Choice(Version) is { } version ? await administration.ChangeAsync(id, version, input, cancellationToken) : OutOfDate;
        return await AnswerAsync(id, result, () =>
        {
            TempData["Done"] = $"Saved {input.Name?.Trim()}";
            return RedirectToPage("Index");
        }, cancellationToken);
    }

    public Task<IActionResult> OnPostDeactivateAsync(int id, CancellationToken cancellationToken) =>
        SetActiveAsync(id, active: false, " is deactivated: they are no longer offered on new requisitions", cancellationToken);

    public Task<IActionResult> OnPostReactivateAsync(int id, CancellationToken cancellationToken) =>
        SetActiveAsync(id, active: true, " is offered on requisitions again", cancellationToken);

    // The buttons below the form post no fields of it: the form shows the manager as they are.
    private async Task<IActionResult> SetActiveAsync(int id, bool active, string done, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } notHere) return notHere;
        Input = HiringManagerForm.From(Listing.Manager);
        var result = FormReading.Choice(Version) is { } version ? await administration.SetActiveAsync(id, version, active, cancellationToken) : OutOfDate;
        return await AnswerAsync(id, result, () =>
        {
            Done = Listing.Manager.Name + done;
            return RedirectToPage("Edit", new { id });
        }, cancellationToken);
    }

    private static CommandResult OutOfDate { get; } = CommandResult.Conflict("The page was out of date. It shows the hiring manager as they are now: make your change again.");

    private async Task<IActionResult> AnswerAsync(int id, CommandResult result, Func<IActionResult> done, CancellationToken cancellationToken)
    {
        if (this.Unreachable(result) is { } unreachable) return unreachable;
        if (result.Succeeded) return done();
        ModelState.AddRefusal(result);
        if (result.Status == CommandStatus.Conflict && await administration.FindAsync(id, cancellationToken) is { } latest)
        {
            // What was typed was made against an older version: the form shows the manager as they are now.
            foreach (var key in ModelState.Keys.Where(k => k.StartsWith("Input.", StringComparison.Ordinal) || k == nameof(Version)).ToList()) ModelState.Remove(key);
            Listing = latest;
            Show(latest);
        }
        return Page();
    }

    private void Show(HiringManagerListing listed)
    {
        Input = HiringManagerForm.From(listed.Manager);
        Version = listed.Manager.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await administration.FindAsync(id, cancellationToken) is not { } listed) return NotFound();
        Listing = listed;
        ServiceAreas = [.. (await names.ServiceAreasAsync(cancellationToken))
            .Where(a => a.IsActive || a.Id == listed.Manager.ServiceAreaId)
            .Select(a => new SelectListItem(a.IsActive ? a.Name : $"{a.Name} (deactivated)", AccountForm.Id(a.Id)))];
        return null;
    }
}
