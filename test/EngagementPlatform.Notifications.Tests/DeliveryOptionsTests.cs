using System.Security.Cryptography;
using EngagementPlatform.Notifications.Tests.Support;
using MimeKit;
using MimeKit.Cryptography;
using Org.BouncyCastle.Crypto;

namespace EngagementPlatform.Notifications.Tests;

/// <summary>Mail signed with a temporary DKIM key, as an agency's domain would sign it.</summary>
public sealed class DkimFixture : MailFixture
{
    public const string Domain = "agency.ep.test";
    public const string Selector = "ep2026";

    private readonly string _folder = Directory.CreateTempSubdirectory("ep-dkim-").FullName;

    public DkimFixture()
    {
        using var rsa = RSA.Create(2048);
        File.WriteAllText(KeyPath, rsa.ExportRSAPrivateKeyPem());
        PublicKeyTxt = $"v=DKIM1; k=rsa; p={Convert.ToBase64String(rsa.ExportSubjectPublicKeyInfo())}";
    }

    /// <summary>What the DNS TXT record at <c>{Selector}._domainkey.{Domain}</c> would hold.</summary>
    public string PublicKeyTxt { get; }

    private string KeyPath => Path.Combine(_folder, "dkim.pem");

    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            settings["Smtp:Dkim:Domain"] = Domain;
            settings["Smtp:Dkim:Selector"] = Selector;
            settings["Smtp:Dkim:PrivateKeyPath"] = KeyPath;
            return settings;
        }
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}

public sealed class DkimTests(DkimFixture app) : IClassFixture<DkimFixture>
{
    private readonly Scenario _alpha = new(app);

    [Fact]
    public async Task Delivered_messages_carry_a_DKIM_signature_that_verifies_with_the_published_key()
    {
        var p = Scenario.Unique("dkim");
        var name = $"{p}-1";
        var council = await _alpha.CouncilAsync($"{p} council", await _alpha.UserAsync(name, "es"));
        var (decision, _) = await _alpha.DecisionAsync(council, $"Firma {p}");
        await _alpha.OpenVotingAsync(decision);
        await _alpha.DecideAsync(decision, [name]);
        await app.DeliverAsync();

        var messages = MailSink.To(_alpha.Email(name));
        messages.Count.ShouldBe(2); // voting opened (essential) and the decision (with List-Unsubscribe)
        var verifier = new DkimVerifier(new Locator(app.PublicKeyTxt));
        foreach (var message in messages)
        {
            var index = message.Headers.IndexOf(HeaderId.DkimSignature);
            index.ShouldBeGreaterThanOrEqualTo(0, "no DKIM-Signature header");
            var tags = message.Headers[index].Value.Split(';').Select(t => t.Trim().Split('=', 2)).Where(t => t.Length == 2)
                .ToDictionary(t => t[0].Trim(), t => string.Concat(t[1].Where(c => !char.IsWhiteSpace(c))));
            tags["d"].ShouldBe(DkimFixture.Domain);
            tags["s"].ShouldBe(DkimFixture.Selector);
            tags["h"].ToLowerInvariant().Split(':').ShouldContain("from");
            tags["h"].ToLowerInvariant().Split(':').ShouldContain("message-id");
            verifier.Verify(message, message.Headers[index]).ShouldBeTrue($"DKIM signature of \"{message.Subject}\" does not verify");
        }

        var decided = messages.Single(m => m.Header("X-EngagementPlatform-Category") == "FeedbackLoop");
        decided.Title().ShouldBe($"Qué pasó con su aporte: Firma {p}");
        var signedHeaders = decided.Header(HeaderId.DkimSignature).ToLowerInvariant();
        signedHeaders.ShouldContain("list-unsubscribe");

        // Changing a signed header breaks the signature: the check above is not vacuous.
        decided.Subject = "Tampered";
        verifier.Verify(decided, decided.Headers[decided.Headers.IndexOf(HeaderId.DkimSignature)]).ShouldBeFalse();
    }

    private sealed class Locator(string txt) : DkimPublicKeyLocatorBase
    {
        public override AsymmetricKeyParameter LocatePublicKey(string methods, string domain, string selector, CancellationToken cancellationToken = default)
            => domain == DkimFixture.Domain && selector == DkimFixture.Selector ? GetPublicKey(txt) : throw new InvalidOperationException($"No key for {selector}._domainkey.{domain}");

        public override Task<AsymmetricKeyParameter> LocatePublicKeyAsync(string methods, string domain, string selector, CancellationToken cancellationToken = default)
            => Task.FromResult(LocatePublicKey(methods, domain, selector, cancellationToken));
    }
}

/// <summary>With no SMTP host configured, each message is written as an .eml file a person can open.</summary>
public sealed class PickupFixture : MailFixture
{
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "ep-pickup-" + Guid.NewGuid().ToString("N")[..8]);

    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = JobServerSettings;
            settings["Smtp:Host"] = string.Empty;
            settings["Smtp:PickupDirectory"] = Folder;
            return settings;
        }
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}

public sealed class PickupDirectoryTests(PickupFixture app) : IClassFixture<PickupFixture>
{
    private readonly Scenario _alpha = new(app);

    [Fact]
    public async Task Without_an_SMTP_host_messages_are_written_as_eml_files()
    {
        var p = Scenario.Unique("pick");
        var names = new[] { $"{p}-1", $"{p}-2" };
        var ids = new List<Guid>();
        foreach (var name in names)
        {
            ids.Add(await _alpha.UserAsync(name));
        }

        var council = await _alpha.CouncilAsync($"{p} council", [.. ids]);
        var (decision, _) = await _alpha.DecisionAsync(council, $"Pickup {p}");
        await _alpha.OpenVotingAsync(decision);
        (await app.DeliverAsync()).ShouldBe(2);

        var files = Directory.GetFiles(app.Folder);
        files.Length.ShouldBe(2);
        files.ShouldAllBe(f => f.EndsWith(".eml", StringComparison.Ordinal));
        var messages = MailSink.In(app.Folder, names.Select(_alpha.Email));
        messages.Select(m => m.Recipient()).OrderBy(a => a).ShouldBe(names.Select(_alpha.Email).OrderBy(a => a));
        var rows = await _alpha.OutboxAsync("Sent");
        foreach (var message in messages)
        {
            message.Title().ShouldBe($"Your vote is open: Pickup {p}");
            message.Text().ShouldContain("Why you got this email:");
            var row = rows.Single(r => r.ToEmail == message.Recipient());
            Path.GetFileName(files.Single(f => f.Contains(row.Id.ToString("N"), StringComparison.Ordinal))).ShouldEndWith(".eml");
        }
    }
}
