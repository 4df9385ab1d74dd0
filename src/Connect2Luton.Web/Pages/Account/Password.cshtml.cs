using System.ComponentModel.DataAnnotations;
using Connect2Luton.Infrastructure.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connect2Luton.Web.Pages.Account;

/// <summary>Every signed-in user changes their own password here; the first admin is asked to at once.</summary>
[Connect2Luton.Web.Identity.LocalAccountsOnly]
public sealed class PasswordModel(PasswordChange passwords) : PageModel
{
    [BindProperty]
    public PasswordInput Input { get; set; } = new();

    [TempData]
    public string? Done { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var result = await passwords.ChangeAsync(User, Input.Current!, Input.New!);
        // Too many wrong passwords: signed out everywhere, like a failed sign-in, with the same words.
        if (result.SignedOut) return RedirectToPage("/Account/SignIn");
        foreach (var (field, message) in result.Problems) ModelState.AddModelError($"{nameof(Input)}.{field}", message);
        if (!result.Changed) return Page();
        Done = "Your password has been changed. You have been signed out everywhere else.";
        return RedirectToPage();
    }

    public sealed class PasswordInput
    {
        [Required(ErrorMessage = "Enter your current password")]
        [StringLength(200, ErrorMessage = "Your current password must be 200 characters or fewer")]
        public string? Current { get; set; }

        [Required(ErrorMessage = "Enter a new password")]
        [StringLength(200, ErrorMessage = "Your new password must be 200 characters or fewer")]
        public string? New { get; set; }

        [Required(ErrorMessage = "Enter the new password again")]
        [Compare(nameof(New), ErrorMessage = "The passwords you entered do not match")]
        public string? Confirm { get; set; }
    }
}
