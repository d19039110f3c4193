using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace EngagementPlatform.TestBase;

/// <summary>The real host, in memory, against a real PostgreSQL database.</summary>
public sealed class ApiFactory(string connectionString, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    : WebApplicationFactory<Program>
{
    public string ConnectionString { get; } = connectionString;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        var all = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Default"] = ConnectionString,
            ["App:RequireHttps"] = "false",
            ["App:SelfUrl"] = string.Empty,
            ["App:SpaPath"] = string.Empty,
            ["OpenIddict:UseEphemeralKeys"] = "true",
            ["Hangfire:Server:Enabled"] = "false",
            // Fixtures sign in many times from one address with the passwords they set; the sign-in tests that
            // are about these controls turn them back on.
            ["Identity:RateLimits:PerClient:PermitLimit"] = "1000000",
            ["Identity:RateLimits:PerAccount:PermitLimit"] = "1000000",
            ["App:RateLimits:AnonymousPerMinute"] = "1000000",
            ["Identity:Passwords:ChangeAssignedPasswordAtFirstSignIn"] = "false",
            // Without an SMTP server configured, mail goes to a folder; keep it out of the build output.
            ["Smtp:PickupDirectory"] = Path.Combine(Path.GetTempPath(), "ep-test-mail"),
            // Stripe off unless a test passes StripeFake's settings, whatever the environment holds; a key given
            // without an address still goes to a closed loopback port, never to Stripe.
            ["Stripe:SecretKey"] = string.Empty,
            ["Stripe:WebhookSecret"] = string.Empty,
            ["Stripe:ApiBase"] = "http://127.0.0.1:9",
            ["Serilog:MinimumLevel:Default"] = "Warning",
            // Tests that stop the database on purpose would otherwise fill the output with expected errors.
            ["Serilog:MinimumLevel:Override:Microsoft.EntityFrameworkCore"] = "Fatal",
            ["Serilog:MinimumLevel:Override:Microsoft.AspNetCore.DataProtection"] = "Fatal",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        foreach (var (key, value) in all)
        {
            builder.UseSetting(key, value);
        }

        // Every status each endpoint answers, for the OpenAPI status check (etc/scripts/openapi-statuses.py).
        builder.ConfigureServices(s => s.AddSingleton<IStartupFilter, StatusRecorder.StartupFilter>());
        if (services is not null)
        {
            builder.ConfigureTestServices(services);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        StatusRecorder.Flush();
    }
}
