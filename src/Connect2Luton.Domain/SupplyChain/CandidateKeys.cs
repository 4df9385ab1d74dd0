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
        if (Dialled(worker.Phone) is { } phone) keys.Add(Hash("phone", phone));
        if (worker.Registration is { } registration && RegistrationDigits(registration.Number) is { Length: > 0 } number)
            keys.Add(Hash("registration", $"{registration.Body}:{number}"));
        if (worker.DateOfBirth is { } born)
        {
            keys.Add(Hash("person", $"{Letters(worker.FirstName)}|{Letters(worker.LastName)}|{born:yyyy-MM-dd}"));
            // The whole name, both ways round and with look-alike letters of other alphabets read as the Latin ones:
            // "Zoe O'Neill" / "Smith", "O'Neill-Smith" / "Zoe" and a Cyrillic "о" in "Zое" are one person. Added
            // beside the key above, which claims made before these were kept, so those still recognise them.
            var first = Latin(Letters(worker.FirstName));
            var last = Latin(Letters(worker.LastName));
            keys.Add(Hash("name", $"{first}{last}|{born:yyyy-MM-dd}"));
            keys.Add(Hash("name", $"{last}{first}|{born:yyyy-MM-dd}"));
        }
        return [.. keys.Distinct()];
    }

    // Cyrillic and Greek letters drawn like Latin ones, as they are after lower case: a name typed with them looks the
    // same on every page and would otherwise be another person.
    private const string LookAlikes = "аеорсухіјѕһԁԛԝӏвкмнтαβεζηικμνορτυχ";
    private const string AsLatin = "aeopcyxijshdqwlbkmhtabezhikmvoptux";

    private static string Latin(string letters) =>
        string.Create(letters.Length, letters, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
                span[i] = LookAlikes.IndexOf(source[i], StringComparison.Ordinal) is var at and >= 0 ? AsLatin[at] : source[i];
        });

    /// <summary>The digits of a UK number as dialled at home ("+44 7700 900123" and "07700900123" alike); null when too short to say who it is.</summary>
    public static string? Dialled(string? phone)
    {
        if (phone is null) return null;
        var digits = new string(phone.Where(char.IsAsciiDigit).ToArray());
        if (digits.StartsWith("44", StringComparison.Ordinal) && phone.TrimStart().StartsWith('+')) digits = "0" + digits[2..];
        return digits.Length >= 10 ? digits : null;
    }

    /// <summary>
    /// What identifies a member on a register: the number's digits without leading zeros ("SW0112233" and "112233" on
    /// Social Work England are one registration).
    /// </summary>
    public static string RegistrationDigits(string number)
    {
        ArgumentNullException.ThrowIfNull(number);
        return new string(number.Where(char.IsAsciiDigit).ToArray()).TrimStart('0');
    }

    // Letters and digits only, accents kept apart from their letters and case ignored: "O'Brien" and "OBRIEN" are one name.
    private static string Letters(string text) =>
        new(text.Normalize(NormalizationForm.FormKD).Where(char.IsLetterOrDigit).Select(c => char.ToLower(c, CultureInfo.InvariantCulture)).ToArray());

    private static string Hash(string way, string value) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{way}:{value}")));
}
