using System.ComponentModel.DataAnnotations;
using Connect2Luton.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connect2Luton.Web.Pages.Account;

/// <summary>The second step of signing in, for an account with two-factor sign-in: the authenticator app's code, or a recovery code.</summary>
[AllowAnonymous]
[Connect2Luton.Web.Identity.LocalAccountsOnly]
public sealed class SignInCodeModel(PasswordSignIn signIn) : PageModel
{
    [BindProperty]
    public CodeInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        switch (await signIn.SignInWithCodeAsync(Input.Code!, Input.RecoveryCode))
        {
            case SignInOutcome.SignedIn:
                return LocalRedirect(ReturnUrl is { Length: > 0 } url && Url.IsLocalUrl(url) ? url : "/");
            case SignInOutcome.NoPasswordYet:
                ModelState.AddModelError("Input.Code", "Sign in with your email address and password first: this page asks for the code after them");
                return Page();
            default:
                // As for a wrong password: after 5 wrong codes the account is locked for 15 minutes, and the message does not say so.
                ModelState.AddModelError("Input.Code", Input.RecoveryCode ? "Enter a recovery code you have not used" : "Enter the 6-digit code your authenticator app shows now");
                return Page();
        }
    }

    public sealed class CodeInput
    {
        [Required(ErrorMessage = "Enter the code")]
        [StringLength(20, ErrorMessage = "The code must be 20 characters or fewer")]
        public string? Code { get; set; }

        public bool RecoveryCode { get; set; }
    }
}
