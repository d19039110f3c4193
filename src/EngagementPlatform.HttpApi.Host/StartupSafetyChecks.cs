using EngagementPlatform.Identity.Keys;

namespace EngagementPlatform.HttpApi.Host;

/// <summary>
/// Refuses to start a deployment that would run with a publicly known secret: the default admin password, the
/// development or in-memory signing keys, or data-protection keys stored in clear. Only Development (a developer's
/// machine, run.sh) and Testing (the test host) may; everywhere else the message names the setting to fix.
/// </summary>
public static class StartupSafetyChecks
{
    public const string DefaultAdminPassword = "1q2w3E*";

    public static bool IsDevelopmentLike(string environmentName)
        => string.Equals(environmentName, Environments.Development, StringComparison.OrdinalIgnoreCase)
           || string.Equals(environmentName, "Testing", StringComparison.OrdinalIgnoreCase);

    /// <summary>The host environment's name as the builder will see it (settings, then the usual variables).</summary>
    public static string EnvironmentName(IConfiguration configuration)
        => configuration[HostDefaults.EnvironmentKey] is { Length: > 0 } name ? name
            : Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") is { Length: > 0 } aspnet ? aspnet
            : Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") is { Length: > 0 } dotnet ? dotnet
            : Environments.Production;

    /// <param name="web">False for the DbMigrator, which seeds the admin but signs no tokens.</param>
    public static void Verify(IConfiguration configuration, bool web)
    {
        var environment = EnvironmentName(configuration);
        if (IsDevelopmentLike(environment))
        {
            return;
        }

        var problems = new List<string>();
        var password = configuration["App:AdminPassword"];
        if (string.IsNullOrEmpty(password) || password == DefaultAdminPassword)
        {
            problems.Add("The host admin's password is the public default. Set App__AdminPassword (App:AdminPassword) to a password of your own.");
        }

        if (web)
        {
            if (configuration.GetValue("OpenIddict:UseEphemeralKeys", false))
            {
                problems.Add("OpenIddict:UseEphemeralKeys is for tests: every restart would sign everyone out. Remove it and configure certificates.");
            }

            foreach (var section in new[] { SigningKeys.SigningCertificate, SigningKeys.EncryptionCertificate, SigningKeys.DataProtectionCertificate })
            {
                if (!ConfiguredCertificate.IsConfigured(configuration, section))
                {
                    problems.Add($"{section} is not configured: set {section}:Path and {section}:Password (a PFX file) or {section}:Thumbprint (a certificate in the personal store).");
                }
                else if (ConfiguredCertificate.Load(configuration, section) is { } certificate
                         && SigningKeys.DevelopmentSubjects.Contains(certificate.Subject, StringComparer.OrdinalIgnoreCase))
                {
                    problems.Add($"{section} names a development certificate ({certificate.Subject}); use a certificate made for this deployment.");
                }
            }
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException(
                $"EngagementPlatform refuses to start in the '{environment}' environment:{Environment.NewLine}- "
                + string.Join(Environment.NewLine + "- ", problems)
                + $"{Environment.NewLine}(Only Development and Testing may run with development defaults; see README, Configuration.)");
        }
    }
}
