using MimeKit;

namespace EngagementPlatform.Notifications.CrashTests;

/// <summary>
/// What the real SMTP sink (aiosmtpd's Mailbox handler) received: one file per accepted message in the maildir's
/// <c>new</c> folder, moved there whole. The sink is shared, so only messages to addresses containing
/// <see cref="Marker"/> count. Each read parses only the files it has not seen yet.
/// </summary>
internal sealed class SinkMailbox(string maildir, string marker)
{
    private readonly HashSet<string> _seen = [];
    private readonly List<string> _messageIds = [];

    public string Marker { get; } = marker;

    /// <summary>The Message-ID (without angle brackets) of every message received so far, duplicates included.</summary>
    public IReadOnlyList<string> MessageIds => _messageIds;

    public static SinkMailbox FromEnvironment(string marker)
    {
        var directory = Environment.GetEnvironmentVariable("EP_TEST_SMTP_DIR")
                        ?? throw new InvalidOperationException("EP_TEST_SMTP_DIR is not set. Run the tests with etc/scripts/test.sh, which starts an SMTP sink and sets it.");
        return new SinkMailbox(directory, marker);
    }

    public IReadOnlyList<string> Refresh()
    {
        var folder = Path.Combine(maildir, "new");
        if (!Directory.Exists(folder))
        {
            return _messageIds;
        }

        foreach (var file in Directory.EnumerateFiles(folder))
        {
            if (!_seen.Add(Path.GetFileName(file)))
            {
                continue;
            }

            HeaderList headers;
            using (var stream = File.OpenRead(file))
            {
                headers = HeaderList.Load(stream);
            }

            if (headers[HeaderId.To]?.Contains(Marker, StringComparison.OrdinalIgnoreCase) != true)
            {
                continue;
            }

            // Every message of ours must carry a Message-ID; a missing one shows up as an unknown id.
            _messageIds.Add((headers[HeaderId.MessageId] ?? string.Empty).Trim().TrimStart('<').TrimEnd('>'));
        }

        return _messageIds;
    }

    public int DistinctCount() => _messageIds.Distinct(StringComparer.Ordinal).Count();
}
