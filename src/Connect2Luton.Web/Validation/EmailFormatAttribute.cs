using System.ComponentModel.DataAnnotations;
using Connect2Luton.Application.Common.Validation;

namespace Connect2Luton.Web.Validation;

/// <summary>
/// An email address as people type them (see <see cref="TextFormats.IsEmail"/>). Stricter than
/// <see cref="EmailAddressAttribute"/>, which accepts anything with an @ in the middle.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class EmailFormatAttribute : ValidationAttribute
{
    public EmailFormatAttribute() : base("Enter an email address in the correct format, like name@example.com") { }

    public override bool IsValid(object? value) =>
        value is null || value is string text && (text.Length == 0 || TextFormats.IsEmail(text));
}
