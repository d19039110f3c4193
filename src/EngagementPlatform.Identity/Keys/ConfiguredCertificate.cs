using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;

namespace EngagementPlatform.Identity.Keys;

/// <summary>The configuration sections that name the certificates the product signs, encrypts and protects keys with.</summary>
public static class SigningKeys
{
    public const string SigningCertificate = "OpenIddict:SigningCertificate";
    public const string EncryptionCertificate = "OpenIddict:EncryptionCertificate";
    public const string DataProtectionCertificate = "DataProtection:Certificate";

    /// <summary>Subjects of the certificates OpenIddict makes for a developer's machine; never acceptable in production.</summary>
    public static readonly string[] DevelopmentSubjects =
    [
        "CN=OpenIddict Server Signing Certificate",
        "CN=OpenIddict Server Encryption Certificate",
    ];
}

/// <summary>
/// Loads a certificate with its private key from a configuration section: <c>Path</c> (a PFX/PKCS#12 file) with
/// <c>Password</c>, or <c>Thumbprint</c> (the current user's, then the machine's personal store).
/// </summary>
public static class ConfiguredCertificate
{
    /// <summary>True when the section names a certificate (whether or not it can be loaded).</summary>
    public static bool IsConfigured(IConfiguration configuration, string section)
        => !string.IsNullOrWhiteSpace(configuration[$"{section}:Path"]) || !string.IsNullOrWhiteSpace(configuration[$"{section}:Thumbprint"]);

    /// <summary>The certificate the section names, or null when it names none; throws with the setting's name when it cannot be used.</summary>
    public static X509Certificate2? Load(IConfiguration configuration, string section)
    {
        var path = configuration[$"{section}:Path"];
        var thumbprint = configuration[$"{section}:Thumbprint"];
        X509Certificate2? certificate = null;
        if (!string.IsNullOrWhiteSpace(path))
        {
            if (!File.Exists(path))
            {
                throw new InvalidOperationException($"{section}:Path names '{path}', which does not exist.");
            }

            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, configuration[$"{section}:Password"], X509KeyStorageFlags.EphemeralKeySet);
        }
        else if (!string.IsNullOrWhiteSpace(thumbprint))
        {
            certificate = FromStore(StoreLocation.CurrentUser, thumbprint) ?? FromStore(StoreLocation.LocalMachine, thumbprint)
                          ?? throw new InvalidOperationException($"{section}:Thumbprint names {thumbprint}, which is in neither the current user's nor the machine's personal certificate store.");
        }

        if (certificate is not null && !certificate.HasPrivateKey)
        {
            throw new InvalidOperationException($"The certificate {section} names has no private key.");
        }

        return certificate;
    }

    private static X509Certificate2? FromStore(StoreLocation location, string thumbprint)
    {
        using var store = new X509Store(StoreName.My, location);
        store.Open(OpenFlags.ReadOnly);
        var found = store.Certificates.Find(X509FindType.FindByThumbprint, thumbprint.Replace(" ", string.Empty, StringComparison.Ordinal), validOnly: false);
        return found.Count > 0 ? found[0] : null;
    }
}
