using System.Globalization;
using EngagementPlatform.Notifications.Sending;
using Microsoft.Extensions.DependencyInjection;

namespace EngagementPlatform.Notifications.Tests.Support;

/// <summary>Two partnerships whose mail goes to the real SMTP sink on loopback.</summary>
public class MailFixture : TwoTenantFixture
{
    public const string FromDomain = "mail.ep.test";
    public const string PublicUrl = "https://ep.test";

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Smtp:Host"] = MailSink.Host,
        ["Smtp:Port"] = MailSink.Port.ToString(CultureInfo.InvariantCulture),
        ["Smtp:Security"] = "None",
        ["Smtp:From"] = $"EngagementPlatform <no-reply@{FromDomain}>",
        ["Smtp:PublicUrl"] = PublicUrl,
    };

    /// <summary>Runs the sender once, as the Hangfire job would; returns how many messages the server accepted.</summary>
    public Task<int> DispatchAsync() => DispatchAsync(Factory);

    public static async Task<int> DispatchAsync(ApiFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchAsync();
    }
}
