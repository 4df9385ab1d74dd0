using Connect2Luton.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connect2Luton.Web.Pages.Account;

/// <summary>
/// Sends the browser to the council's provider (a POST with the antiforgery token, so no other site starts a sign-in
/// in someone's name), and takes them back in once it has answered.
/// </summary>
[AllowAnonymous]
public sealed class ExternalSignInModel(
    SingleSignOn singleSignOn,
    SignInManager<ApplicationUser> signIn,
    Identity.ProviderReach provider) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    // Starting a sign-in is a POST; there is nothing here to read.
    public IActionResult OnGet() => NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!singleSignOn.IsConfigured) return NotFound();
        if (!await provider.AnswersAsync(HttpContext.RequestAborted))
        {
            TempData[SignInModel.Problem] = $"Signing in with {singleSignOn.ProviderName} is not available just now. Try again in a few minutes, or ask the council's IT service desk.";
            return RedirectToPage("SignIn");
        }
        var callback = Url.Page("ExternalSignIn", "Callback", new { ReturnUrl = SafeReturnUrl });
        return Challenge(signIn.ConfigureExternalAuthenticationProperties(SingleSignOn.Scheme, callback), SingleSignOn.Scheme);
    }

    public async Task<IActionResult> OnGetCallbackAsync()
    {
        if (!singleSignOn.IsConfigured) return NotFound();
        var outcome = await singleSignOn.SignInAsync();
        if (outcome == SingleSignOnOutcome.SignedIn) return LocalRedirect(SafeReturnUrl);
        TempData[SignInModel.Problem] = Refusal(outcome, singleSignOn.ProviderName);
        return RedirectToPage("SignIn");
    }

    public static string Refusal(SingleSignOnOutcome outcome, string provider) => outcome switch
    {
        SingleSignOnOutcome.EmailNotVerified => $"Signing in with {provider} did not give a verified email address, so it cannot be matched to an account here. Ask the council's IT service desk.",
        SingleSignOnOutcome.NoAccount => $"There is no Connect2Luton account you can use for the email address {provider} gave. Ask a Connect2Luton admin to create your account, then sign in again.",
        SingleSignOnOutcome.LinkedToSomeoneElse => $"The Connect2Luton account for that email address signs in with {provider} as someone else already. Ask a Connect2Luton admin.",
        _ => $"Signing in with {provider} did not finish. Try again.",
    };

    private string SafeReturnUrl => ReturnUrl is { Length: > 0 } url && Url.IsLocalUrl(url) ? url : "/";
}
