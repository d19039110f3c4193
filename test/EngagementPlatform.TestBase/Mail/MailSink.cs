using MimeKit;

namespace EngagementPlatform.TestBase;

/// <summary>
/// The real SMTP server the test script starts (Debian's aiosmtpd, a maildir). One sink serves every test class,
/// so a test only ever looks at messages addressed to recipients it created itself.
/// </summary>
public static class MailSink
{
    public static string Host => Variable("EP_TEST_SMTP_HOST");

    public static int Port => int.Parse(Variable("EP_TEST_SMTP_PORT"), System.Globalization.CultureInfo.InvariantCulture);

    public static string Directory => Variable("EP_TEST_SMTP_DIR");

    /// <summary>Every message the server received for any of <paramref name="addresses"/> (To header).</summary>
    public static IReadOnlyList<MimeMessage> To(IEnumerable<string> addresses) => In(Path.Combine(Directory, "new"), addresses);

    public static IReadOnlyList<MimeMessage> To(params string[] addresses) => To((IEnumerable<string>)addresses);

    /// <summary>Waits (at most a minute) until <paramref name="count"/> messages reached <paramref name="address"/>; fails if the count differs.</summary>
    public static async Task<IReadOnlyList<MimeMessage>> WaitForAsync(string address, int count)
    {
        var deadline = DateTime.UtcNow + JobServerFixture.Patience;
        while (true)
        {
            var found = To(address);
            if (found.Count >= count || DateTime.UtcNow > deadline)
            {
                if (found.Count != count)
                {
                    throw new Xunit.Sdk.XunitException($"Expected {count} message(s) to {address}, found {found.Count}.");
                }

                return found;
            }

            await Task.Delay(250);
        }
    }

    /// <summary>Waits (at most a minute) for the first message to <paramref name="address"/> that <paramref name="which"/> accepts; fails naming the subjects that did arrive.</summary>
    public static async Task<MimeMessage> WaitForAsync(string address, Func<MimeMessage, bool> which)
    {
        var deadline = DateTime.UtcNow + JobServerFixture.Patience;
        while (true)
        {
            if (To(address).FirstOrDefault(which) is { } message)
            {
                return message;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new Xunit.Sdk.XunitException($"No such email reached {address}: {string.Join(" | ", To(address).Select(m => m.Subject))}");
            }

            await Task.Delay(250);
        }
    }

    /// <summary>The .eml files (or maildir entries) in <paramref name="folder"/> addressed to any of <paramref name="addresses"/>.</summary>
    public static IReadOnlyList<MimeMessage> In(string folder, IEnumerable<string> addresses)
    {
        var wanted = addresses.Select(a => a.ToLowerInvariant()).ToHashSet();
        if (!System.IO.Directory.Exists(folder))
        {
            return [];
        }

        var found = new List<MimeMessage>();
        foreach (var file in System.IO.Directory.EnumerateFiles(folder))
        {
            // A cheap look at the raw text first: the sink is shared, most files are someone else's.
            var bytes = File.ReadAllBytes(file);
            var raw = System.Text.Encoding.Latin1.GetString(bytes);
            if (!wanted.Any(a => raw.Contains(a, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            using var stream = new MemoryStream(bytes);
            var message = MimeMessage.Load(stream);
            if (message.To.Mailboxes.Any(m => wanted.Contains(m.Address.ToLowerInvariant())))
            {
                found.Add(message);
            }
        }

        return found;
    }

    private static string Variable(string name)
        => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{name} is not set. Run the tests with etc/scripts/test.sh, which starts a real SMTP sink and sets EP_TEST_SMTP_HOST, EP_TEST_SMTP_PORT and EP_TEST_SMTP_DIR.");
}

public static class MimeMessageExtensions
{
    public static string Recipient(this MimeMessage message) => message.To.Mailboxes.Single().Address.ToLowerInvariant();

    public static string? Header(this MimeMessage message, string name) => message.Headers[name];

    /// <summary>The header's value, or empty when the message has none.</summary>
    public static string Header(this MimeMessage message, HeaderId id) => message.Headers[id] ?? string.Empty;

    public static string Text(this MimeMessage message) => message.TextBody ?? string.Empty;

    public static string Html(this MimeMessage message) => message.HtmlBody ?? string.Empty;

    public static string Title(this MimeMessage message) => message.Subject ?? string.Empty;
}
