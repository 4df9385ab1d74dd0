using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;

namespace Connect2Luton.Web.Validation;

/// <summary>
/// An email address as people type them: one @, a dot in the domain, no spaces or markup characters. Stricter
/// than <see cref="EmailAddressAttribute"/>, which accepts anything with an @ in the middle.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed partial class EmailFormatAttribute : ValidationAttribute
{
    public EmailFormatAttribute() : base("Enter an email address in the correct format, like name@example.com") { }

    public override bool IsValid(object? value) =>
        value is null || value is string text && (text.Length == 0 || Format().IsMatch(text.Trim()));

    [GeneratedRegex(@"^[^\s@<>()\[\]\\,;:""']+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$", RegexOptions.CultureInvariant)]
    private static partial Regex Format();
}
