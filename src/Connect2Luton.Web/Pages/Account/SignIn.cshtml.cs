using System.ComponentModel.DataAnnotations;
using Connect2Luton.Domain.Common;
using Connect2Luton.Infrastructure.Identity;
using Connect2Luton.Web.Validation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connect2Luton.Web.Pages.Account;

[AllowAnonymous]
public sealed class SignInModel(PasswordSignIn signIn, SingleSignOn singleSignOn) : PageModel
{
    /// <summary>The key under which a refused single sign-on tells the sign-in page why.</summary>
    public const string Problem = "SignInProblem";

    public SingleSignOn SingleSignOn => singleSignOn;

    /// <summary>Set by the provider's failure (<c>?sso=failed</c>): the sign-in was cancelled or its answer was refused.</summary>
    [BindProperty(Name = "sso", SupportsGet = true)]
    public string? SingleSignOnResult { get; set; }

    /// <summary>Why the last sign-in through the provider was refused, said once.</summary>
    public string? ProblemText { get; private set; }

    [BindProperty]
    public SignInInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public IActionResult OnGet()
    {
        if (User.Identity?.IsAuthenticated == true) return LocalRedirect(SafeReturnUrl);
        ProblemText = TempData[Problem] as string
            ?? (SingleSignOnResult == "failed" && singleSignOn.IsConfigured ? ExternalSignInModel.Refusal(SingleSignOnOutcome.NotCompleted, singleSignOn.ProviderName) : null);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        // Where the council has turned email and password sign-in off, no password is checked, however it is sent.
        if (!singleSignOn.LocalAccounts) return NotFound();
        if (!ModelState.IsValid) return Page();

        switch (await signIn.SignInAsync(Input.Email!.Trim(), Input.Password!))
        {
            case SignInOutcome.SignedIn: return LocalRedirect(SafeReturnUrl);
            case SignInOutcome.CodeNeeded: return RedirectToPage("SignInCode", new { ReturnUrl = SafeReturnUrl });
        }

        // One message for an unknown email, a wrong password and a locked account, so the form does not reveal who has an account.
        ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Email)}", "Enter a correct email address and password");
        return Page();
    }

    private string SafeReturnUrl => ReturnUrl is { Length: > 0 } url && Url.IsLocalUrl(url) ? url : "/";

    public sealed class SignInInput
    {
        [Required(ErrorMessage = "Enter your email address")]
        [EmailFormat]
        [StringLength(Limits.Email, ErrorMessage = "Email address must be 254 characters or fewer")]
        public string? Email { get; set; }

        [Required(ErrorMessage = "Enter your password")]
        [StringLength(200, ErrorMessage = "Password must be 200 characters or fewer")]
        public string? Password { get; set; }
    }
}
