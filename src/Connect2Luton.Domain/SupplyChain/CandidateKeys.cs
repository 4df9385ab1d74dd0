using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Connect2Luton.Domain.Workers;

namespace Connect2Luton.Domain.SupplyChain;

/// <summary>
/// The ways one person is recognised across agencies' separate records of them: the same email, the same phone
/// number, the same registration number, or the same name and date of birth. Each is written one way (case, spaces,
/// punctuation and "+44" set aside) and hashed, so two agencies' spellings of one person give the same keys.
/// </summary>
public static class CandidateKeys
{
    public static IReadOnlyList<string> Of(Worker worker)
    {
        ArgumentNullException.ThrowIfNull(worker);
        var keys = new List<string> { Hash("email", worker.Email.Trim().ToLowerInvariant()) };
        if (Phone(worker.Phone) is { } phone) keys.Add(Hash("phone", phone));
        // A register numbers its members: "SW112233" and "112233" on Social Work England are one registration.
        if (worker.Registration is { } registration && new string(registration.Number.Where(char.IsAsciiDigit).ToArray()) is { Length: > 0 } number)
            keys.Add(Hash("registration", $"{registration.Body}:{number.TrimStart('0')}"));
        if (worker.DateOfBirth is { } born) keys.Add(Hash("person", $"{Letters(worker.FirstName)}|{Letters(worker.LastName)}|{born:yyyy-MM-dd}"));
        return keys;
    }

    /// <summary>The digits of a UK number as dialled at home ("+44 7700 900123" and "07700900123" alike); null when too short to say who it is.</summary>
    private static string? Phone(string? phone)
    {
        if (phone is null) return null;
        var digits = new string(phone.Where(char.IsAsciiDigit).ToArray());
        if (digits.StartsWith("44", StringComparison.Ordinal) && phone.TrimStart().StartsWith('+')) digits = "0" + digits[2..];
        return digits.Length >= 10 ? digits : null;
    }

    // Letters and digits only, accents kept apart from their letters and case ignored: "O'Brien" and "OBRIEN" are one name.
    private static string Letters(string text) =>
        new(text.Normalize(NormalizationForm.FormKD).Where(char.IsLetterOrDigit).Select(c => char.ToLower(c, CultureInfo.InvariantCulture)).ToArray());

    private static string Hash(string way, string value) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{way}:{value}")));
}
