using EngagementPlatform.Notifications.Tests.Support;

namespace EngagementPlatform.Notifications.Tests;

/// <summary>
/// The application's mail server is down: the host's SMTP port is a relay (<see cref="SmtpRelay"/>) that hangs
/// up on every connection until the test brings it back, when it forwards to the real sink. The host's own job
/// server sends, throughout.
/// </summary>
public sealed class SmtpOutageFixture : MailFixture
{
    public SmtpRelay Server { get; } = new(up: false);

    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = MailSettings(Server.Port);
            settings["Notifications:Outbox:MaxAttempts"] = "3";
            settings["Notifications:Outbox:BaseBackoffSeconds"] = "60";
            return settings;
        }
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Server.DisposeAsync();
    }
}

public sealed class SmtpOutageTests(SmtpOutageFixture app) : IClassFixture<SmtpOutageFixture>
{
    private readonly Scenario _alpha = new(app);

    [Fact]
    public async Task Rows_stay_pending_with_the_error_while_the_server_is_down_and_are_delivered_when_it_is_back()
    {
        app.Server.IsUp = false;
        var p = Scenario.Unique("down");
        var names = Enumerable.Range(1, 4).Select(i => $"{p}-{i}").ToArray();
        var emails = names.Select(_alpha.Email).ToArray();
        var ids = new List<Guid>();
        foreach (var name in names)
        {
            ids.Add(await _alpha.UserAsync(name));
        }

        var council = await _alpha.CouncilAsync($"{p} council", [.. ids]);
        var (decision, _) = await _alpha.DecisionAsync(council, $"Outage {p}");
        await _alpha.OpenVotingAsync(decision);

        (await app.DeliverAsync()).ShouldBe(0);
        var rows = await RowsAsync(emails);
        rows.Count.ShouldBe(4);
        rows.ShouldAllBe(r => r.Status == "Pending" && r.Attempts == 1 && !string.IsNullOrEmpty(r.LastError));
        app.Logs.Lines.ShouldContain(l => l.Contains("Mail server unavailable", StringComparison.Ordinal));
        MailSink.To(emails).ShouldBeEmpty();

        // Not due yet: the back-off holds the rows.
        (await app.DeliverAsync()).ShouldBe(0);
        (await RowsAsync(emails)).ShouldAllBe(r => r.Attempts == 1);

        // The first retry comes after BaseBackoffSeconds (60 s); still down, still pending (3 attempts allowed).
        app.Clock.Advance(TimeSpan.FromSeconds(61));
        (await app.DeliverAsync()).ShouldBe(0);
        (await RowsAsync(emails)).ShouldAllBe(r => r.Status == "Pending" && r.Attempts == 2);

        // The server is back: every row goes out once, with the Message-ID of its row.
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        app.Server.IsUp = true;
        (await app.DeliverAsync()).ShouldBe(4);
        var delivered = MailSink.To(emails);
        delivered.Select(m => m.Recipient()).OrderBy(a => a).ShouldBe(emails.OrderBy(a => a));
        rows = await RowsAsync(emails);
        rows.ShouldAllBe(r => r.Status == "Sent" && r.Attempts == 3);
        foreach (var message in delivered)
        {
            message.MessageId.ShouldBe($"{rows.Single(r => r.ToEmail == message.Recipient()).Id:N}@{MailFixture.FromDomain}");
            message.Title().ShouldBe($"Your vote is open: Outage {p}");
        }

        (await app.DeliverAsync()).ShouldBe(0);
        MailSink.To(emails).Count.ShouldBe(4);
    }

    [Fact]
    public async Task After_the_last_attempt_a_row_fails_with_the_reason_and_requeue_delivers_it()
    {
        app.Server.IsUp = false;
        var p = Scenario.Unique("fail");
        var name = $"{p}-1";
        var email = _alpha.Email(name);
        var council = await _alpha.CouncilAsync($"{p} council", await _alpha.UserAsync(name));
        var (decision, _) = await _alpha.DecisionAsync(council, $"Failing {p}");
        await _alpha.OpenVotingAsync(decision);

        await app.DeliverAsync();
        app.Clock.Advance(TimeSpan.FromSeconds(61));
        await app.DeliverAsync();
        var row = (await RowsAsync([email])).Single();
        (row.Status, row.Attempts).ShouldBe(("Pending", 2));

        app.Clock.Advance(TimeSpan.FromSeconds(121));
        await app.DeliverAsync();
        row = (await RowsAsync([email])).Single();
        (row.Status, row.Attempts).ShouldBe(("Failed", 3));
        row.LastError.ShouldNotBeNull();
        row.LastError.ShouldStartWith("Gave up after 3 attempts: ");
        (await _alpha.OutboxAsync("Failed")).Select(r => r.Id).ShouldContain(row.Id);
        (await _alpha.OutboxAsync("Pending")).Select(r => r.Id).ShouldNotContain(row.Id);

        // A failed row stays failed even when the server is back, until someone queues it again.
        app.Clock.Advance(TimeSpan.FromHours(2));
        app.Server.IsUp = true;
        await app.DeliverAsync();
        MailSink.To(email).ShouldBeEmpty();

        using var member = await app.ClientAsync("alpha", name);
        await (await member.PostAsync($"/api/notifications/outbox/{row.Id}/requeue", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "Framework:Forbidden");
        using var staff = await app.ClientAsync("alpha", "alpha-staff");
        var requeued = await (await staff.PostAsync($"/api/notifications/outbox/{row.Id}/requeue", null)).ReadJsonAsync();
        requeued.GetProperty("status").GetString()!.ShouldBe("Pending");
        requeued.GetProperty("attempts").GetInt32().ShouldBe(0);

        (await app.DeliverAsync()).ShouldBe(1);
        var delivered = MailSink.To(email).ShouldHaveSingleItem();
        delivered.MessageId.ShouldBe($"{row.Id:N}@{MailFixture.FromDomain}");
        (await RowsAsync([email])).Single().Status.ShouldBe("Sent");

        await (await staff.PostAsync($"/api/notifications/outbox/{row.Id}/requeue", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "Notifications:NotFailed");
        (await staff.PostAsync($"/api/notifications/outbox/{Guid.NewGuid()}/requeue", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // Another partnership's staff cannot see or requeue alpha's mail.
        using var betaStaff = await app.ClientAsync("beta", "beta-staff");
        (await betaStaff.PostAsync($"/api/notifications/outbox/{row.Id}/requeue", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await betaStaff.GetAsync("/api/notifications/outbox?maxResultCount=1000")).ReadJsonAsync()).GetProperty("items").EnumerateArray()
            .ShouldAllBe(i => i.GetProperty("id").GetGuid() != row.Id);
    }

    private async Task<List<OutboxRow>> RowsAsync(string[] emails)
        => (await _alpha.OutboxAsync()).Where(r => emails.Contains(r.ToEmail)).ToList();
}
