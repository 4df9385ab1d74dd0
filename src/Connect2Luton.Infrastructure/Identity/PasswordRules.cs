using Microsoft.AspNetCore.Identity;

namespace Connect2Luton.Infrastructure.Identity;

/// <summary>Identity's refusals of a new password, said as the pages say them ("Your new password must …").</summary>
internal static class PasswordRules
{
    /// <param name="whose">How the sentence names the password: "Your password", "Your new password".</param>
    public static string Describe(IdentityError error, string whose) => error.Code switch
    {
        nameof(IdentityErrorDescriber.PasswordTooShort) => $"{whose} must be at least 12 characters long",
        nameof(IdentityErrorDescriber.PasswordRequiresDigit) => $"{whose} must have at least one number (0 to 9)",
        nameof(IdentityErrorDescriber.PasswordRequiresLower) => $"{whose} must have at least one small letter (a to z)",
        nameof(IdentityErrorDescriber.PasswordRequiresUpper) => $"{whose} must have at least one capital letter (A to Z)",
        nameof(IdentityErrorDescriber.PasswordRequiresNonAlphanumeric) => $"{whose} must have at least one symbol, such as ! or -",
        _ => error.Description,
    };
}
