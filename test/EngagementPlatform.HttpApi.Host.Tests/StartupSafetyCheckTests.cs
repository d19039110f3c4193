using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using EngagementPlatform.EntityFrameworkCore;
using EngagementPlatform.Identity.Keys;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EngagementPlatform.HttpApi.Host.Tests;

/// <summary>A self-signed certificate with its private key in a temporary PFX file, as an operator would configure one.</summary>
public sealed class TestCertificateFile : IDisposable
{
    public const string PfxPassword = "pfx-Passw0rd";

    public TestCertificateFile(string subject = "CN=EngagementPlatform test deployment")
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest(subject, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.DataEncipherment, critical: false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"ep-test-{Guid.NewGuid():N}.pfx");
        File.WriteAllBytes(Path, certificate.Export(X509ContentType.Pfx, PfxPassword));
    }

    public string Path { get; }

    /// <summary>The settings that name this file for every certificate section the host reads.</summary>
    public Dictionary<string, string?> Settings(params string[] sections)
    {
        var settings = new Dictionary<string, string?>();
        foreach (var section in sections.Length == 0
                     ? [SigningKeys.SigningCertificate, SigningKeys.EncryptionCertificate, SigningKeys.DataProtectionCertificate]
                     : sections)
        {
            settings[$"{section}:Path"] = Path;
            settings[$"{section}:Password"] = PfxPassword;
        }

        return settings;
    }

    public void Dispose() => File.Delete(Path);
}

/// <summary>
/// StartupSafetyChecks.Verify, called directly with the settings a deployment would have: outside Development and
/// Testing it refuses the public default admin password, ephemeral keys and missing or development certificates.
/// </summary>
public sealed class StartupSafetyCheckTests : IDisposable
{
    private const string OwnPassword = "An0ther-Secret!";
    private readonly TestCertificateFile _certificate = new();

    public void Dispose() => _certificate.Dispose();

    private static IConfiguration Configuration(string environment, IDictionary<string, string?> settings)
    {
        var all = new Dictionary<string, string?>(settings) { ["environment"] = environment };
        return new ConfigurationBuilder().AddInMemoryCollection(all).Build();
    }

    private Dictionary<string, string?> Production(string? adminPassword = OwnPassword)
    {
        var settings = _certificate.Settings();
        settings["App:AdminPassword"] = adminPassword;
        return settings;
    }

    private static string Refusal(IConfiguration configuration, bool web = true)
        => Should.Throw<InvalidOperationException>(() => StartupSafetyChecks.Verify(configuration, web)).Message;

    [Fact]
    public void A_deployment_with_its_own_admin_password_and_configured_certificates_passes()
    {
        foreach (var environment in new[] { "Production", "Staging" })
        {
            Should.NotThrow(() => StartupSafetyChecks.Verify(Configuration(environment, Production()), web: true));
        }

        // The DbMigrator signs nothing: the admin password is all it needs.
        Should.NotThrow(() => StartupSafetyChecks.Verify(
            Configuration("Production", new Dictionary<string, string?> { ["App:AdminPassword"] = OwnPassword }), web: false));
    }

    [Theory]
    [InlineData(StartupSafetyChecks.DefaultAdminPassword)]
    [InlineData("")]
    [InlineData(null)]
    public void The_default_or_a_missing_admin_password_is_refused_naming_App__AdminPassword(string? password)
    {
        var message = Refusal(Configuration("Production", Production(password)));
        message.ShouldContain("App__AdminPassword");
        message.ShouldContain("'Production'");
        message.ShouldNotContain("Certificate");

        // The DbMigrator seeds the admin, so it refuses too.
        Refusal(Configuration("Production", Production(password)), web: false).ShouldContain("App__AdminPassword");
    }

    [Fact]
    public void Ephemeral_keys_are_refused()
    {
        var settings = Production();
        settings["OpenIddict:UseEphemeralKeys"] = "true";
        var message = Refusal(Configuration("Production", settings));
        message.ShouldContain("OpenIddict:UseEphemeralKeys");
        message.ShouldNotContain("App__AdminPassword");
    }

    [Fact]
    public void Missing_certificates_are_refused_each_by_its_setting()
    {
        var message = Refusal(Configuration("Production", new Dictionary<string, string?> { ["App:AdminPassword"] = OwnPassword }));
        message.ShouldContain($"{SigningKeys.SigningCertificate} is not configured");
        message.ShouldContain($"{SigningKeys.EncryptionCertificate} is not configured");
        message.ShouldContain($"{SigningKeys.DataProtectionCertificate} is not configured");

        // Only the data-protection certificate missing: keys in the database would be in clear.
        var withoutKeyProtection = _certificate.Settings(SigningKeys.SigningCertificate, SigningKeys.EncryptionCertificate);
        withoutKeyProtection["App:AdminPassword"] = OwnPassword;
        message = Refusal(Configuration("Production", withoutKeyProtection));
        message.ShouldContain($"{SigningKeys.DataProtectionCertificate} is not configured");
        message.ShouldNotContain($"{SigningKeys.SigningCertificate} is not configured");
    }

    [Fact]
    public void A_development_certificate_is_refused()
    {
        using var development = new TestCertificateFile(SigningKeys.DevelopmentSubjects[0]);
        var settings = Production();
        foreach (var (key, value) in development.Settings(SigningKeys.SigningCertificate))
        {
            settings[key] = value;
        }

        var message = Refusal(Configuration("Production", settings));
        message.ShouldContain($"{SigningKeys.SigningCertificate} names a development certificate");
    }

    [Theory]
    [InlineData("Development")]
    [InlineData("Testing")]
    public void Development_and_Testing_may_run_with_the_defaults(string environment)
    {
        var defaults = new Dictionary<string, string?>
        {
            ["App:AdminPassword"] = StartupSafetyChecks.DefaultAdminPassword,
            ["OpenIddict:UseEphemeralKeys"] = "true",
        };
        Should.NotThrow(() => StartupSafetyChecks.Verify(Configuration(environment, defaults), web: true));
    }

    [Fact]
    public void The_real_host_refuses_to_start_in_Production_with_the_test_defaults()
    {
        // A port nothing listens on: the refusal comes before the database is needed.
        var nowhere = "Host=127.0.0.1;Port=1;Username=postgres;Database=nothing;Timeout=2";
        using var factory = new ApiFactory(nowhere, new Dictionary<string, string?>
        {
            ["environment"] = "Production",
            ["App:AdminPassword"] = StartupSafetyChecks.DefaultAdminPassword,
        });
        var error = Should.Throw<Exception>(() => factory.Server);
        var messages = string.Join(" | ", Chain(error).Select(e => e.Message));
        messages.ShouldContain("refuses to start in the 'Production' environment");
        messages.ShouldContain("App__AdminPassword");
        messages.ShouldContain("OpenIddict:UseEphemeralKeys");
    }

    private static IEnumerable<Exception> Chain(Exception error)
    {
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            yield return e;
        }
    }
}

/// <summary>The host with <c>DataProtection:Certificate</c> configured (a PFX file made for the test).</summary>
public sealed class ProtectedKeysFixture : ApiFixture
{
    private readonly TestCertificateFile _certificate = new();

    protected override IDictionary<string, string?> Settings => _certificate.Settings(SigningKeys.DataProtectionCertificate);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _certificate.Dispose();
    }
}

/// <summary>Data-protection keys (they encrypt the sign-in cookie and tickets) are stored encrypted when a certificate is configured.</summary>
public sealed class DataProtectionKeyTests(ProtectedKeysFixture app) : IClassFixture<ProtectedKeysFixture>
{
    [Fact]
    public async Task With_a_certificate_the_keys_in_the_database_are_encrypted_and_still_work()
    {
        using var scope = app.Factory.Services.CreateScope();
        var protector = scope.ServiceProvider.GetRequiredService<IDataProtectionProvider>().CreateProtector("startup-safety-test");
        var protectedText = protector.Protect("a secret");
        protector.Unprotect(protectedText).ShouldBe("a secret");

        var db = scope.ServiceProvider.GetRequiredService<EngagementPlatformDbContext>();
        var keys = await db.DataProtectionKeys.AsNoTracking().Select(k => k.Xml).ToListAsync();
        keys.ShouldNotBeEmpty();
        foreach (var xml in keys)
        {
            xml.ShouldNotBeNull();
            xml.ShouldContain("EncryptedXmlDecryptor");
            xml.ShouldContain("<EncryptedData");
            // An unprotected key carries its secret in <masterKey ...><value>base64</value>.
            xml.ShouldNotContain("<value>");
            xml.ShouldNotContain("unencrypted");
        }
    }
}

/// <summary>Without the certificate (as in Development and Testing) the key is in clear: what the start-up check prevents elsewhere.</summary>
public sealed class UnprotectedDataProtectionKeyTests(ApiFixture app) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Without_a_certificate_the_key_in_the_database_is_in_clear()
    {
        using var scope = app.Factory.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<IDataProtectionProvider>().CreateProtector("startup-safety-test").Protect("a secret");
        var db = scope.ServiceProvider.GetRequiredService<EngagementPlatformDbContext>();
        var keys = await db.DataProtectionKeys.AsNoTracking().Select(k => k.Xml).ToListAsync();
        keys.ShouldNotBeEmpty();
        keys.ShouldAllBe(xml => xml != null && xml.Contains("<value>") && !xml.Contains("<EncryptedData"));
    }
}
