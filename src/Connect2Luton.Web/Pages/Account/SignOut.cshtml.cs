using Connect2Luton.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connect2Luton.Web.Pages.Account;

/// <summary>Signing out is a POST with the antiforgery token, so a link on another site cannot sign anyone out.</summary>
[AllowAnonymous]
public sealed class SignOutModel(PasswordSignIn signIn) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        // Ends this session everywhere, not only in this browser: a copy of the cookie no longer opens anything.
        await signIn.EndSessionsAsync(User);
        return RedirectToPage("/Account/SignIn");
    }
}
