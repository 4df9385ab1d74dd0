using Connect2Luton.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connect2Luton.Web.Pages.Account;

/// <summary>Signing out is a POST with the antiforgery token, so a link on another site cannot sign anyone out.</summary>
[AllowAnonymous]
public sealed class SignOutModel(PasswordSignIn signIn, SingleSignOn singleSignOn) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        var throughProvider = singleSignOn.IsConfigured && SingleSignOn.BeganThroughProvider(User);
        // Ends this session everywhere, not only in this browser: a copy of the cookie no longer opens anything.
        await signIn.EndSessionsAsync(User);
        // Signed in through the council's provider, the user is signed out there too: on a shared computer the next
        // person to press "Sign in" must not be let in as them without a password.
        if (throughProvider)
            return SignOut(new Microsoft.AspNetCore.Authentication.AuthenticationProperties { RedirectUri = Url.Page("/Account/SignIn") }, SingleSignOn.Scheme);
        return RedirectToPage("/Account/SignIn");
    }
}
