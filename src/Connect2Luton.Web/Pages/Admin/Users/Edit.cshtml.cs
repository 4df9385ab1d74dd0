using Connect2Luton.Application.Common;
using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Common.Results;
using Connect2Luton.Application.Users;
using Connect2Luton.Web.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Connect2Luton.Web.Pages.Admin.Users;

/// <summary>
/// One account: its name, roles and scope; deactivating or reactivating it; lifting a lock; and a link its holder
/// sets a password with, shown once on this page for the admin to hand over.
/// </summary>
[Authorize(Policy = Permissions.ManageUsers)]
public sealed class EditModel(UserAdministration administration, IUserAccounts accounts, ReferenceNames names, Infrastructure.Identity.TwoFactor twoFactor, ICurrentUser user,
    Microsoft.Extensions.Options.IOptions<Infrastructure.Identity.SignInSettings> signInOptions,
    Infrastructure.Identity.SingleSignOn singleSignOn) : PageModel, IAccountPage
{
    public Infrastructure.Identity.SingleSignOn SingleSignOn => singleSignOn;

    /// <summary>Whether the account signs in through the council's provider as someone already (null where there is no provider).</summary>
    public bool? Linked { get; private set; }

    /// <summary>Passwords and authenticator apps exist here; where the council has turned them off, people sign in through its provider alone.</summary>
    public bool LocalAccounts => signInOptions.Value.LocalAccounts;

    [BindProperty]
    public AccountForm Input { get; set; } = new();

    /// <summary>The account's stamp when the page was read: a change made since is a conflict.</summary>
    [BindProperty]
    public string? Stamp { get; set; }

    public UserAccount Account { get; private set; } = null!;

    public IReadOnlyList<SelectListItem> ServiceAreas { get; private set; } = [];

    public IReadOnlyList<SelectListItem> SupplyAgencies { get; private set; } = [];

    /// <summary>The link to set a password, once made.</summary>
    public string? ResetLink { get; private set; }

    [TempData]
    public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } notHere) return notHere;
        Input = AccountForm.From(Account);
        Stamp = Account.Stamp;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } notHere) return notHere;
        Input.Email = Account.Email;
        if (!ModelState.IsValid) return Page();
        return await AnswerAsync(id, await administration.UpdateAsync(id, Stamp ?? string.Empty, Input.Read(), cancellationToken), $"Saved {Account.Name}'s roles", cancellationToken);
    }

    public Task<IActionResult> OnPostDeactivateAsync(string id, CancellationToken cancellationToken) =>
        ActAsync(id, () => administration.SetActiveAsync(id, Stamp ?? string.Empty, active: false, cancellationToken),
            "'s account is deactivated: their sessions have ended and they cannot sign in", cancellationToken);

    public Task<IActionResult> OnPostReactivateAsync(string id, CancellationToken cancellationToken) =>
        ActAsync(id, () => administration.SetActiveAsync(id, Stamp ?? string.Empty, active: true, cancellationToken), "'s account is active again", cancellationToken);

    public Task<IActionResult> OnPostUnlockAsync(string id, CancellationToken cancellationToken) =>
        ActAsync(id, () => administration.UnlockAsync(id, cancellationToken), " can sign in again", cancellationToken);

    // The buttons below the form post no fields of it: the form shows the account as it is.
    private async Task<IActionResult> ActAsync(string id, Func<Task<CommandResult>> act, string done, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } notHere) return notHere;
        Input = AccountForm.From(Account);
        return await AnswerAsync(id, await act(), Account.Name + done, cancellationToken);
    }

    /// <summary>For someone who lost their phone and their recovery codes: they sign in with their password and set it up again.</summary>
    public async Task<IActionResult> OnPostTurnOffTwoFactorAsync(string id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } notHere) return notHere;
        if (!LocalAccounts || !await twoFactor.TurnOffForAsync(id, user.Name))
        {
            Input = AccountForm.From(Account);
            Stamp = Account.Stamp;
            ModelState.AddModelError(string.Empty, "Two-factor sign-in is not on for this account.");
            return Page();
        }
        Done = $"Two-factor sign-in is off for {Account.Name}: they sign in with their password and set it up again";
        return RedirectToPage("Edit", new { id });
    }

    /// <summary>For someone whose identity at the provider was made again, or was wrongly linked: their next sign-in there links afresh by email.</summary>
    public async Task<IActionResult> OnPostUnlinkAsync(string id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } notHere) return notHere;
        if (!singleSignOn.IsConfigured || !await singleSignOn.UnlinkAsync(id, user.Name))
        {
            Input = AccountForm.From(Account);
            Stamp = Account.Stamp;
            ModelState.AddModelError(string.Empty, "This account is not linked to anyone at the council's provider.");
            return Page();
        }
        Done = $"{Account.Name}'s account is unlinked from {singleSignOn.ProviderName}: their sessions have ended, and their next sign-in there links by email";
        return RedirectToPage("Edit", new { id });
    }

    public async Task<IActionResult> OnPostResetLinkAsync(string id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } notHere) return notHere;
        Input = AccountForm.From(Account);
        Stamp = Account.Stamp;
        if (!LocalAccounts)
        {
            ModelState.AddModelError(string.Empty, "Nobody signs in with a password here: they sign in through the council's provider.");
            return Page();
        }
        var (result, token) = await administration.PasswordResetAsync(id, cancellationToken);
        if (this.Unreachable(result) is { } unreachable) return unreachable;
        if (token is null)
        {
            ModelState.AddModelError(string.Empty, result.Message ?? "No link can be made for this account.");
            return Page();
        }
        // Shown on this page only, never kept: whoever holds it can set the password, once, within a day.
        ResetLink = $"{Request.Scheme}://{Request.Host}/Account/ResetPassword?user={Uri.EscapeDataString(id)}&token={Uri.EscapeDataString(token)}";
        return Page();
    }

    private async Task<IActionResult> AnswerAsync(string id, CommandResult result, string done, CancellationToken cancellationToken)
    {
        if (this.Unreachable(result) is { } unreachable) return unreachable;
        if (result.Succeeded)
        {
            Done = done;
            return RedirectToPage("Edit", new { id });
        }
        ModelState.AddRefusal(result);
        if (result.Status == CommandStatus.Conflict && await accounts.FindAsync(id, cancellationToken) is { } latest)
        {
            // The account as it is now, in the form too: what was typed was made against an older one.
            Account = latest;
            foreach (var key in ModelState.Keys.Where(k => k.StartsWith("Input.", StringComparison.Ordinal) || k == nameof(Stamp)).ToList()) ModelState.Remove(key);
            Input = AccountForm.From(latest);
            Stamp = latest.Stamp;
        }
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(string id, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Length > 100 || await accounts.FindAsync(id, cancellationToken) is not { } account) return NotFound();
        Account = account;
        Linked = singleSignOn.IsConfigured ? await singleSignOn.IsLinkedAsync(id) : null;
        // The services taking requisitions, and the one the account acts for now though it has been deactivated since.
        ServiceAreas = (await names.ServiceAreasAsync(cancellationToken))
            .Where(a => a.IsActive || a.Id == account.ServiceAreaId)
            .Select(a => new SelectListItem(a.IsActive ? a.Name : $"{a.Name} (deactivated)", AccountForm.Id(a.Id))).ToList();
        SupplyAgencies = (await names.SupplyAgenciesAsync(cancellationToken))
            .Where(a => a.Kind != Domain.SupplyAgencies.SupplyAgencyKind.InHousePool && (a.IsActive || a.Id == account.SupplyAgencyId))
            .Select(a => new SelectListItem(a.IsActive ? a.Name : $"{a.Name} (no longer used)", AccountForm.Id(a.Id))).ToList();
        return null;
    }
}
