using EngagementPlatform.Identity;
using EngagementPlatform.Framework.MultiTenancy;
using EngagementPlatform.Notifications.Domain;
using EngagementPlatform.Notifications.Persistence;
using EngagementPlatform.Notifications.Sending;
using EngagementPlatform.Notifications.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace EngagementPlatform.Notifications.Tests;

/// <summary>
/// Issue 9, "Mail, templates", against the real database and the real SMTP sink: a bad address stops nobody else's
/// mail, exhausted rows are never claimed, a slow sender never hands its rows to a second one, and every way in
/// refuses an address the mail library would refuse.
/// </summary>
/// <summary>
/// The mail fixture with a 10-second lease, no minutely sweep (the tests decide when a sender runs) and a mail
/// transport the tests can hook into: after each message the server took, the hook may let time pass or start a
/// second sender through the job server while the first is still in its batch.
/// </summary>
public sealed class LeaseFixture : MailFixture
{
    public HookedTransport Transport { get; private set; } = null!;

    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            settings["Notifications:Outbox:LeaseSeconds"] = "10";
            settings["Notifications:Outbox:BatchSize"] = "100";
            return settings;
        }
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Transport = Factory.Services.GetRequiredService<HookedTransport>();
        Factory.Services.GetRequiredService<EngagementPlatform.Framework.Jobs.IRecurringJobs>()
            .Remove(EngagementPlatform.Framework.Jobs.RecurringJobIds.For(OutboxSweepJob.Module, OutboxSweepJob.Purpose));
    }

    protected override void ConfigureServices(IServiceCollection services)
    {
        var original = services.Last(d => d.ServiceType == typeof(IMailTransport));
        services.AddSingleton(sp => new HookedTransport((IMailTransport)ActivatorUtilities.CreateInstance(sp, original.ImplementationType!)));
        services.AddSingleton<IMailTransport>(sp => sp.GetRequiredService<HookedTransport>());
    }
}

/// <summary>
/// The host's mail transport with a hook the test arms: it is called after each message the server took, with the
/// number of the session (in the order senders opened them since the hook was armed) and of the message in it.
/// </summary>
public sealed class HookedTransport(IMailTransport inner) : IMailTransport
{
    private readonly List<int> _sends = [];
    private Func<int, int, Task>? _afterSend;

    public void Arm(Func<int, int, Task> afterSend)
    {
        lock (_sends)
        {
            _sends.Clear();
            _afterSend = afterSend;
        }
    }

    public void Disarm()
    {
        lock (_sends)
        {
            _afterSend = null;
        }
    }

    /// <summary>How many messages each session sent since the hook was armed.</summary>
    public int SendsIn(int session)
    {
        lock (_sends)
        {
            return session < _sends.Count ? _sends[session] : 0;
        }
    }

    public async Task<IMailSession> OpenAsync(CancellationToken cancellationToken)
    {
        var session = await inner.OpenAsync(cancellationToken);
        lock (_sends)
        {
            if (_afterSend is null)
            {
                return session;
            }

            _sends.Add(0);
            return new Session(this, session, _sends.Count - 1, _afterSend);
        }
    }

    private sealed class Session(HookedTransport owner, IMailSession inner, int index, Func<int, int, Task> afterSend) : IMailSession
    {
        public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
        {
            await inner.SendAsync(message, cancellationToken);
            int sends;
            lock (owner._sends)
            {
                sends = ++owner._sends[index];
            }

            await afterSend(index, sends);
        }

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}

public sealed class MailSafetyTests(LeaseFixture app) : IClassFixture<LeaseFixture>
{
    private readonly Scenario _alpha = new(app);

    [Fact]
    public async Task A_poisoned_address_fails_on_its_own_after_one_try_and_every_other_tenants_mail_goes_out()
    {
        var p = Scenario.Unique("poison");
        // The poisoned rows are the oldest, so they come first in the batch.
        var bad = new[]
        {
            await QueueAsync(app.AlphaId, "a b@x.org", p, ageSeconds: 60),
            await QueueAsync(app.AlphaId, "a,b@x", p, ageSeconds: 59),
        };
        var good = new List<(Guid Id, string Email)>();
        for (var i = 0; i < 3; i++)
        {
            var email = $"{p}-alpha-{i}@alpha.test";
            good.Add((await QueueAsync(app.AlphaId, email, p, ageSeconds: 50 - i), email));
        }

        for (var i = 0; i < 2; i++)
        {
            var email = $"{p}-beta-{i}@beta.test";
            good.Add((await QueueAsync(app.BetaId, email, p, ageSeconds: 40 - i), email));
        }

        (await app.DeliverAsync()).ShouldBe(good.Count);

        foreach (var id in bad)
        {
            var row = await RowAsync(id);
            row.Status.ShouldBe(OutboxStatus.Failed);
            row.Attempts.ShouldBe(1);
            row.LastError!.ShouldContain("could not be built");
            row.LockedUntil.ShouldBeNull();
        }

        foreach (var (id, email) in good)
        {
            (await RowAsync(id)).Status.ShouldBe(OutboxStatus.Sent);
            MailSink.To(email).Count.ShouldBe(1, email);
        }

        // Nothing is left for a second run to pick up again.
        (await app.DeliverAsync()).ShouldBe(0);
        (await RowAsync(bad[0])).Attempts.ShouldBe(1);
    }

    [Fact]
    public async Task A_row_past_its_attempt_limit_is_failed_never_claimed_again()
    {
        var p = Scenario.Unique("spent");
        var email = $"{p}@alpha.test";
        var id = await QueueAsync(app.AlphaId, email, p, ageSeconds: 30, attempts: 24);

        await app.DeliverAsync();

        var row = await RowAsync(id);
        row.Status.ShouldBe(OutboxStatus.Failed);
        row.Attempts.ShouldBe(24);
        row.LastError!.ShouldContain("Gave up after 24 attempts");
        MailSink.To(email).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_sender_whose_lease_ran_out_sends_nothing_more_and_marks_nothing_a_second_sender_now_holds()
    {
        var p = Scenario.Unique("lost");
        var emails = Enumerable.Range(0, 4).Select(i => $"{p}-{i}@alpha.test").ToArray();
        var ids = new List<Guid>();
        for (var i = 0; i < emails.Length; i++)
        {
            ids.Add(await QueueAsync(app.AlphaId, emails[i], p, ageSeconds: 20 - i));
        }

        // The first sender (a job on the host's server) stalls on its first message until its lease is long gone;
        // meanwhile a second sender, another job on the same server, claims the rows and sends them.
        app.Transport.Arm(async (session, sends) =>
        {
            if (session == 0 && sends == 1)
            {
                app.Clock.Advance(TimeSpan.FromSeconds(11));
                await app.RunJobAsync<OutboxDispatchJob>(job => job.RunAsync());
            }
        });
        try
        {
            await app.RunJobAsync<OutboxDispatchJob>(job => job.RunAsync());
        }
        finally
        {
            app.Transport.Disarm();
        }

        app.Transport.SendsIn(0).ShouldBe(1);
        app.Transport.SendsIn(1).ShouldBe(emails.Length);

        // The message in flight when the lease ran out went twice (at-least-once); nothing after it did.
        MailSink.To(emails[0]).Count.ShouldBe(2);
        foreach (var email in emails.Skip(1))
        {
            MailSink.To(email).Count.ShouldBe(1, email);
        }

        foreach (var id in ids)
        {
            (await RowAsync(id)).Status.ShouldBe(OutboxStatus.Sent);
        }
    }

    [Fact]
    public async Task A_batch_that_outlasts_its_lease_renews_it_so_no_second_sender_takes_its_rows()
    {
        var p = Scenario.Unique("renew");
        var emails = Enumerable.Range(0, 5).Select(i => $"{p}-{i}@alpha.test").ToArray();
        for (var i = 0; i < emails.Length; i++)
        {
            await QueueAsync(app.AlphaId, emails[i], p, ageSeconds: 20 - i);
        }

        // Each message takes 4 of the lease's 10 seconds; after every one a second sender (another job) tries its luck.
        var tries = 0;
        app.Transport.Arm(async (session, _) =>
        {
            if (session == 0)
            {
                app.Clock.Advance(TimeSpan.FromSeconds(4));
                await app.RunJobAsync<OutboxDispatchJob>(job => job.RunAsync());
                tries++;
            }
        });
        try
        {
            await app.RunJobAsync<OutboxDispatchJob>(job => job.RunAsync());
        }
        finally
        {
            app.Transport.Disarm();
        }

        app.Transport.SendsIn(0).ShouldBe(emails.Length);
        tries.ShouldBe(emails.Length);
        app.Transport.SendsIn(1).ShouldBe(0, "the other senders found nothing to claim");
        foreach (var email in emails)
        {
            MailSink.To(email).Count.ShouldBe(1, email);
        }
    }

    [Theory]
    [InlineData("a b@x.org")]
    [InlineData("a,b@x.org")]
    [InlineData("a@b@x.org")]
    [InlineData("Ana <ana@x.org>")]
    [InlineData("ana@")]
    [InlineData("ana")]
    [InlineData("ana@x..org")]
    public async Task Every_way_in_refuses_an_address_the_mail_library_would_refuse(string address)
    {
        EngagementPlatform.Framework.Validation.EmailAddressRules.IsDeliverable(address).ShouldBeFalse();

        using var admin = await _alpha.AdminAsync();
        var user = Scenario.Unique("bad");
        var created = await admin.PostAsJsonAsync("/api/identity/users", new { userName = user, email = address, password = ApiFixture.Password, roleNames = new[] { "member" } });
        (await created.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("email", out _).ShouldBeTrue();

        using var member = await app.ClientAsync("alpha", "alpha-member");
        await (await member.PutAsJsonAsync("/api/identity/my-profile", new { email = address })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        var council = await _alpha.CouncilAsync($"{user} council");
        var (decision, token) = await _alpha.DecisionAsync(council, $"Public {user}", allowPublicInput: true);
        await _alpha.OpenInputAsync(decision);
        using var visitor = app.Anonymous();
        await (await visitor.PostAsJsonAsync($"/api/governance/public/decisions/{token}/inputs?__tenant=alpha", new { text = "An idea", name = "Ana", email = address }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("ana@example.org")]
    [InlineData("ana.maría+council@clínica.example")]
    [InlineData("o'brien@example.co.uk")]
    public void Ordinary_addresses_pass(string address)
        => EngagementPlatform.Framework.Validation.EmailAddressRules.IsDeliverable(address).ShouldBeTrue();

    [Fact]
    public async Task A_template_that_would_occupy_the_host_is_refused_in_preview_and_on_save()
    {
        using var admin = await _alpha.AdminAsync();
        const string loop = "{% for a in (1..100000) %}{% for b in (1..100000) %}{{ a }}{% endfor %}{% endfor %}";
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await (await admin.PostAsJsonAsync("/api/notifications/templates/preview", new { name = "voting-opened", culture = "en", text = loop }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "Notifications:TemplateTooCostly");
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(15));

        await (await admin.PostAsJsonAsync("/api/notifications/templates/overrides", new { name = "voting-opened", culture = "es", subject = "S", text = loop, html = "<p>h</p>" }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "Notifications:TemplateTooCostly");
        var templates = await (await admin.GetAsync("/api/notifications/templates?maxResultCount=1000")).ReadJsonAsync();
        templates.GetProperty("items").EnumerateArray().Where(t => t.GetProperty("isOverride").GetBoolean()).Select(t => t.GetProperty("text").GetString()).ShouldNotContain(loop);
    }

    private async Task<Guid> QueueAsync(Guid tenantId, string email, string subject, int ageSeconds, int attempts = 0)
    {
        using var scope = app.Factory.Services.CreateScope();
        var services = scope.ServiceProvider;
        using (services.GetRequiredService<ICurrentTenant>().Change(tenantId))
        {
            var db = services.GetRequiredService<INotificationsDbContext>();
            var row = new OutboxMessage(
                Guid.CreateVersion7(), "voting-opened", EmailCategory.Essential, "en", new EmailRecipient(email, "Test", "en", null),
                $"{subject} to {email}", "Hello.", "<p>Hello.</p>", app.Clock.Now.AddSeconds(-ageSeconds))
            {
                Attempts = attempts,
            };
            db.OutboxMessages.Add(row);
            await db.SaveChangesAsync();
            return row.Id;
        }
    }

    private async Task<OutboxMessage> RowAsync(Guid id)
    {
        using var scope = app.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<INotificationsDbContext>();
        return await db.OutboxMessages.IgnoreQueryFilters().AsNoTracking().SingleAsync(m => m.Id == id);
    }
}
