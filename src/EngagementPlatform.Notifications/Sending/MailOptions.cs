namespace EngagementPlatform.Notifications.Sending;

public enum SmtpSecurity
{
    None,
    Auto,
    StartTls,
    SslOnConnect,
}

/// <summary><c>Smtp:*</c> settings. With no host, messages are written as .eml files to <see cref="PickupDirectory"/>.</summary>
public sealed class MailOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public SmtpSecurity Security { get; set; } = SmtpSecurity.Auto;

    public string From { get; set; } = "EngagementPlatform <no-reply@engagementplatform.local>";

    public string PickupDirectory { get; set; } = "mail";

    public DkimOptions Dkim { get; set; } = new();

    /// <summary>Public address of the app, for links in emails (unsubscribe, "cast your vote").</summary>
    public string? PublicUrl { get; set; }
}

/// <summary>Optional DKIM signing, so mailbox providers can verify the agency's domain sent the mail.</summary>
public sealed class DkimOptions
{
    public string? Domain { get; set; }

    public string? Selector { get; set; }

    public string? PrivateKeyPath { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(Domain) && !string.IsNullOrWhiteSpace(Selector) && !string.IsNullOrWhiteSpace(PrivateKeyPath);
}

/// <summary>How the sender retries: attempts, back-off and the lease on claimed rows.</summary>
public sealed class OutboxOptions
{
    public int BatchSize { get; set; } = 100;

    public int MaxAttempts { get; set; } = 8;

    /// <summary>First retry after this; each further one waits twice as long, up to <see cref="MaxBackoffSeconds"/>.</summary>
    public double BaseBackoffSeconds { get; set; } = 30;

    public double MaxBackoffSeconds { get; set; } = 3600;

    /// <summary>How long a claimed row stays with its sender; after a crash it is sent again once this passes.</summary>
    public double LeaseSeconds { get; set; } = 120;

    public TimeSpan BackoffAfter(int attempts)
        => TimeSpan.FromSeconds(Math.Min(MaxBackoffSeconds, BaseBackoffSeconds * Math.Pow(2, Math.Max(0, attempts - 1))));
}
