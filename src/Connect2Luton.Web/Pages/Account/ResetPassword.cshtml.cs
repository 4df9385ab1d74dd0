using System.ComponentModel.DataAnnotations;
using Connect2Luton.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connect2Luton.Web.Pages.Account;

/// <summary>The holder of an account sets its password with the link an admin handed them, then signs in with it.</summary>
[AllowAnonymous]
[Connect2Luton.Web.Identity.LocalAccountsOnly]
public sealed class ResetPasswordModel(PasswordReset resets) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "user")]
    public string? UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public NewPassword Input { get; set; } = new();

    public bool Usable { get; private set; }

    public async Task OnGetAsync() => Usable = await resets.IsUsableAsync(UserId, Token);

    public async Task<IActionResult> OnPostAsync()
    {
        Usable = await resets.IsUsableAsync(UserId, Token);
        if (!Usable) return Page();
        if (!ModelState.IsValid) return Page();
        var problems = await resets.SetAsync(UserId, Token, Input.Password!);
        if (problems.Count == 0)
        {
            TempData["Done"] = "Your password is set. Sign in with it.";
            return RedirectToPage("/Account/SignIn");
        }
        foreach (var problem in problems) ModelState.AddModelError("Input.Password", problem);
        return Page();
    }

    public sealed class NewPassword
    {
        [Required(ErrorMessage = "Enter a password")]
        [StringLength(200, ErrorMessage = "Your password must be 200 characters or fewer")]
        public string? Password { get; set; }

        [Required(ErrorMessage = "Enter the password again")]
        [Compare(nameof(Password), ErrorMessage = "The passwords you entered do not match")]
        public string? Confirm { get; set; }
    }
}
