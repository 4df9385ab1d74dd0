using Connect2Luton.Infrastructure.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connect2Luton.Web.Pages.Account;

/// <summary>Signing out is a POST with the antiforgery token, so a link on another site cannot sign anyone out.</summary>
[AllowAnonymous]
public sealed class SignOutModel(
    PasswordSignIn signIn,
    SingleSignOn singleSignOn,
    Identity.ProviderReach provider) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        var throughProvider = singleSignOn.IsConfigured && SingleSignOn.BeganThroughProvider(User);
        var idToken = throughProvider ? await HttpContext.GetTokenAsync(SingleSignOn.IdToken) : null;
        // Ends this session everywhere, not only in this browser: a copy of the cookie no longer opens anything.
        await signIn.EndSessionsAsync(User);
        if (!throughProvider) return RedirectToPage("/Account/SignIn");

        // Signed in through the council's provider, the user is signed out there too: on a shared computer the next
        // person to press "Sign in" must not be let in as them without a password. A provider that cannot be reached
        // is said, not met with an error page.
        if (!await provider.AnswersAsync(HttpContext.RequestAborted))
        {
            TempData[SignInModel.Problem] = $"You are signed out of Connect2Luton, but {singleSignOn.ProviderName} could not be reached to sign you out there too. On a shared computer, close the browser.";
            return RedirectToPage("/Account/SignIn");
        }
        var properties = new AuthenticationProperties { RedirectUri = Url.Page("/Account/SignIn") };
        if (idToken is not null) properties.Parameters[Identity.SingleSignOnRegistration.IdTokenHint] = idToken;
        return SignOut(properties, SingleSignOn.Scheme);
    }
}
