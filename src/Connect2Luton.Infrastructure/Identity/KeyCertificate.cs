using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;

namespace Connect2Luton.Infrastructure.Identity;

/// <summary>
/// The certificate that encrypts the data protection keys kept in the database ("DataProtection:Certificate:Path",
/// a PFX file with its private key, and "DataProtection:Certificate:Password"), or none where none is configured.
/// </summary>
internal static class KeyCertificate
{
    public const string PathSetting = "DataProtection:Certificate:Path";
    public const string PasswordSetting = "DataProtection:Certificate:Password";

    public static X509Certificate2? Load(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration[PathSetting] is not { Length: > 0 } path) return null;
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, configuration[PasswordSetting], X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (Exception unreadable) when (unreadable is CryptographicException or IOException or UnauthorizedAccessException)
        {
            // Started without it, the app would make keys nobody could read after the certificate is fixed: stop instead.
            throw new InvalidOperationException($"{PathSetting} ({path}) could not be read as a PFX file with {PasswordSetting}: {unreadable.Message}", unreadable);
        }
        if (!certificate.HasPrivateKey)
            throw new InvalidOperationException($"{PathSetting} ({path}) has no private key: the keys it encrypts could never be read back.");
        return certificate;
    }
}
