using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace Connect2Luton.Infrastructure.Identity;

/// <summary>
/// Authenticator app codes (RFC 6238: HMAC-SHA1 over 30-second steps, 6 digits) as Identity's own provider checks them,
/// allowing a step either side for a phone's clock, but each step once only (RFC 6238 5.2): a code seen over someone's
/// shoulder, or replayed from a captured request, does not sign in again.
/// </summary>
internal sealed class OneUseAuthenticatorTokenProvider(TimeProvider clock) : IUserTwoFactorTokenProvider<ApplicationUser>
{
    public const string Name = "OneUseAuthenticator";
    private const string Provider = "[Connect2Luton]";
    private const string LastStep = "LastAuthenticatorStep";

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<ApplicationUser> manager, ApplicationUser user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    // The app makes the codes; the server never sends one.
    public Task<string> GenerateAsync(string purpose, UserManager<ApplicationUser> manager, ApplicationUser user) => Task.FromResult(string.Empty);

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<ApplicationUser> manager, ApplicationUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        if (token is not { Length: 6 } || !token.All(char.IsAsciiDigit)) return false;
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrWhiteSpace(key)) return false;
        var secret = Base32(key);
        var now = clock.GetUtcNow().ToUnixTimeSeconds() / 30;
        var last = long.TryParse(await manager.GetAuthenticationTokenAsync(user, Provider, LastStep), NumberStyles.None, CultureInfo.InvariantCulture, out var used) ? used : long.MinValue;
        for (var step = now - 1; step <= now + 1; step++)
        {
            if (step <= last || !CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(Code(secret, step)), System.Text.Encoding.ASCII.GetBytes(token))) continue;
            await manager.SetAuthenticationTokenAsync(user, Provider, LastStep, step.ToString(CultureInfo.InvariantCulture));
            return true;
        }
        return false;
    }

    private static string Code(byte[] secret, long step)
    {
        var counter = BitConverter.GetBytes(step);
        if (BitConverter.IsLittleEndian) Array.Reverse(counter);
#pragma warning disable CA5350 // RFC 6238 authenticator codes are HMAC-SHA1 by definition: every authenticator app computes them so.
        var hash = HMACSHA1.HashData(secret, counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }

    private static byte[] Base32(string text)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text.ToUpperInvariant().TrimEnd('='))
        {
            var value = Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0) continue;
            buffer = ((buffer << 5) | value) & 0xFFFF;
            bits += 5;
            if (bits < 8) continue;
            bytes.Add((byte)(buffer >> (bits - 8)));
            bits -= 8;
        }
        return [.. bytes];
    }
}
