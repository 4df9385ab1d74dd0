using Connect2Luton.Infrastructure.Identity;
using Connect2Luton.Web.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using QRCoder;

namespace Connect2Luton.Web.Pages.Account;

/// <summary>
/// Every signed-in user can turn on two-factor sign-in with an authenticator app here; where the council requires it
/// for their work (policy officers and admins) they are sent here until they have, and cannot turn it off.
/// </summary>
[Connect2Luton.Web.Identity.LocalAccountsOnly]
public sealed class TwoFactorModel(TwoFactor twoFactor, IOptions<SignInSettings> options) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    /// <summary>The user's password, asked again before anything here changes.</summary>
    [BindProperty]
    public string? Password { get; set; }

    public TwoFactorStatus Status { get; private set; } = null!;

    public AuthenticatorSetup? Setup { get; private set; }

    /// <summary>The QR code of <see cref="Setup"/>'s address, as a PNG data address.</summary>
    public string? QrCode { get; private set; }

    /// <summary>Recovery codes just made, shown once.</summary>
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    [TempData]
    public string? Done { get; set; }

    public bool Required => TwoFactorRequirement.RequiredOf(User, options.Value);

    public async Task OnGetAsync()
    {
        Status = await twoFactor.StatusAsync(User, Required);
        if (!Status.Enabled) await PrepareSetupAsync();
    }

    public async Task<IActionResult> OnPostConfirmAsync()
    {
        Status = await twoFactor.StatusAsync(User, Required);
        if (Status.Enabled) return RedirectToPage();
        // A code that cannot be one is said before the password is checked, so only a whole attempt counts as a guess.
        if (Code is null || Code.Length > 20 || Code.Count(char.IsAsciiDigit) != 6 || Code.Any(c => !char.IsAsciiDigit(c) && c != ' '))
        {
            ModelState.AddModelError(nameof(Code), "Enter the 6-digit code your authenticator app shows now");
            return await AgainAsync();
        }
        if (!await PasswordAsync()) return await AgainAsync();
        var codes = await twoFactor.ConfirmAsync(User, Code);
        if (codes is null)
        {
            ModelState.AddModelError(nameof(Code), "The code did not match: enter the 6-digit code the app shows now");
            return await AgainAsync();
        }
        Status = await twoFactor.StatusAsync(User, Required);
        RecoveryCodes = codes;
        return Page();
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        Status = await twoFactor.StatusAsync(User, Required);
        if (!Status.Enabled) return RedirectToPage();
        if (!await PasswordAsync()) return Page();
        RecoveryCodes = await twoFactor.NewRecoveryCodesAsync(User);
        Status = await twoFactor.StatusAsync(User, Required);
        return Page();
    }

    public async Task<IActionResult> OnPostTurnOffAsync()
    {
        Status = await twoFactor.StatusAsync(User, Required);
        if (!Status.Enabled) return RedirectToPage();
        if (Status.Required)
        {
            ModelState.AddModelError(string.Empty, "Your work needs two-factor sign-in: it cannot be turned off.");
            return Page();
        }
        if (!await PasswordAsync()) return Page();
        await twoFactor.TurnOffAsync(User);
        Done = "Two-factor sign-in is off.";
        return RedirectToPage();
    }

    private async Task<bool> PasswordAsync()
    {
        if (await twoFactor.PasswordIsRightAsync(User, Password)) return true;
        ModelState.AddModelError(nameof(Password), "Enter your password: it is asked again before two-factor sign-in changes");
        return false;
    }

    // The same key again, to the page that has just shown it: opening the page anew makes a new one.
    private async Task<IActionResult> AgainAsync()
    {
        Status = await twoFactor.StatusAsync(User, Required);
        if (!Status.Enabled) await PrepareSetupAsync(fresh: false);
        return Page();
    }

    private async Task PrepareSetupAsync(bool fresh = true)
    {
        Setup = await twoFactor.SetupAsync(User, fresh);
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(Setup.Uri, QRCodeGenerator.ECCLevel.Q);
        QrCode = "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(5));
    }
}
