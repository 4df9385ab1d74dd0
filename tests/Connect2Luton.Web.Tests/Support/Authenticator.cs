using System.Security.Cryptography;

namespace Connect2Luton.Web.Tests.Support;

/// <summary>An authenticator app's code, computed from the shared key as any TOTP app computes it (RFC 6238: HMAC-SHA1 over 30-second steps, 6 digits).</summary>
public static class Authenticator
{
    public static string Code(string key, DateTimeOffset now, int steps = 0)
    {
        var secret = Base32(key.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant());
        var step = now.ToUnixTimeSeconds() / 30 + steps;
        var counter = BitConverter.GetBytes(step);
        if (BitConverter.IsLittleEndian) Array.Reverse(counter);
#pragma warning disable CA5350 // RFC 6238 authenticator codes are HMAC-SHA1 by definition.
        var hash = HMACSHA1.HashData(secret, counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] Base32(string text)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text.TrimEnd('='))
        {
            buffer = (buffer << 5) | Alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits < 8) continue;
            bytes.Add((byte)(buffer >> (bits - 8)));
            bits -= 8;
        }
        return [.. bytes];
    }
}
