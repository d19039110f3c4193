using System.Text.RegularExpressions;
using EngagementPlatform.Framework.MultiTenancy;
using EngagementPlatform.Governance.Application;
using EngagementPlatform.Governance.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Npgsql;

namespace EngagementPlatform.Governance.Tests.Api;

/// <summary>Two partnerships with a small public-input cap, mail to the real SMTP sink and the job server on.</summary>
public sealed class PublicInputFixture : MailFixture
{
    public const int Cap = 6;

    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            settings["Governance:PublicInput:MaxPerDecision"] = Cap.ToString(System.Globalization.CultureInfo.InvariantCulture);
            settings["Governance:PublicInput:WritesPerMinute"] = "1000";
            settings["Governance:PublicInput:ReadsPerMinute"] = "1000";
            settings["App:SelfUrl"] = PublicUrl;
            return settings;
        }
    }
}

public sealed class PublicInputTests(PublicInputFixture app) : IClassFixture<PublicInputFixture>
{
    private readonly GovernanceScenario _alpha = new(app);

    private async Task<(Guid Id, string Token, GovernanceScenario.Council Council)> OpenPublicDecisionAsync(string prefix)
    {
        var council = await _alpha.CouncilAsync(prefix, ("CommunityMember", true));
        var decision = await _alpha.DecisionAsync(council.Id, new { method = "YesNo", quorum = 0.5, threshold = "SimpleMajority", secretBallot = false, allowPublicInput = true }, openVoting: false);
        var id = decision.GetProperty("id").GetGuid();
        using var admin = await _alpha.AdminAsync();
        await (await admin.PostAsync($"/api/governance/decisions/{id}/open-input", null)).ShouldBeSuccessAsync();
        return (id, decision.GetProperty("publicInputToken").GetString()!, council);
    }

    private static Task<HttpResponseMessage> PostPublicAsync(HttpClient visitor, string token, string text, string? email = null, string? name = null)
        => visitor.PostAsJsonAsync($"/api/governance/public/decisions/{token}/inputs?__tenant=alpha", new { text, name, email });

    [Fact]
    public async Task Public_input_past_the_cap_is_a_422_with_a_code_and_changes_nothing()
    {
        var (id, token, council) = await OpenPublicDecisionAsync("cap");
        using var visitor = app.Anonymous();
        for (var i = 0; i < PublicInputFixture.Cap; i++)
        {
            (await PostPublicAsync(visitor, token, $"Idea {i}")).StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        await (await PostPublicAsync(visitor, token, "One too many")).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "Governance:PublicInputLimitReached");

        // Members are not capped by the public limit.
        using var member = await app.ClientAsync("alpha", council.Members[0].UserName);
        (await member.PostAsJsonAsync($"/api/governance/decisions/{id}/inputs", new { text = "A member's idea" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        using var admin = await _alpha.AdminAsync();
        var inputs = await (await admin.GetAsync($"/api/governance/decisions/{id}/inputs")).ReadItemsAsync();
        inputs.GetArrayLength().ShouldBe(PublicInputFixture.Cap + 1);
        inputs.EnumerateArray().ShouldNotContain(i => i.GetProperty("text").GetString() == "One too many");
    }

    [Fact]
    public async Task Spam_is_marked_by_staff_and_needs_no_answer_in_the_record_but_a_members_input_always_does()
    {
        var (id, token, council) = await OpenPublicDecisionAsync("spam");
        using var visitor = app.Anonymous();
        var real = (await (await PostPublicAsync(visitor, token, "Please add evening hours.")).ReadJsonAsync()).GetProperty("id").GetGuid();
        var junk = (await (await PostPublicAsync(visitor, token, "BUY CHEAP WATCHES")).ReadJsonAsync()).GetProperty("id").GetGuid();
        using var member = await app.ClientAsync("alpha", council.Members[0].UserName);
        var mine = (await (await member.PostAsJsonAsync($"/api/governance/decisions/{id}/inputs", new { text = "Saturdays please" })).ReadJsonAsync()).GetProperty("id").GetGuid();
        using var admin = await _alpha.AdminAsync();
        var d = $"/api/governance/decisions/{id}";

        // Only people who run decisions mark spam, and never a member's input.
        await (await member.PutAsJsonAsync($"{d}/inputs/{junk}/spam", new { spam = true })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await admin.PutAsJsonAsync($"{d}/inputs/{mine}/spam", new { spam = true })).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "Governance:OnlyPublicInputIsSpam");
        await (await admin.PutAsJsonAsync($"{d}/inputs/{Guid.NewGuid()}/spam", new { spam = true })).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        await (await admin.PostAsync($"{d}/open-voting", null)).ShouldBeSuccessAsync();
        await (await _alpha.VoteAsync(council.Members[0].UserName, id, new { choice = "Yes" })).ShouldBeSuccessAsync();
        await _alpha.CloseAsync(id);
        object Record() => new
        {
            outcome = "Evening hours on Thursdays.",
            rationale = "Asked for by members and the public.",
            inputUses = new[]
            {
                new { inputId = real, use = "Adapted", explanation = "Thursdays only." },
                new { inputId = mine, use = "NotAdopted", explanation = "No Saturday staff." },
            },
        };

        // Unmarked, the junk still needs an answer.
        var unanswered = await (await admin.PostAsJsonAsync($"{d}/record", Record())).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "Governance:InputsNotAnswered");
        unanswered.GetProperty("errors").GetProperty("inputUses").GetArrayLength().ShouldBe(1);

        var marked = await (await admin.PutAsJsonAsync($"{d}/inputs/{junk}/spam", new { spam = true })).ReadJsonAsync();
        marked.GetProperty("isSpam").GetBoolean().ShouldBeTrue();
        (await admin.PostAsJsonAsync($"{d}/record", Record())).StatusCode.ShouldBe(HttpStatusCode.OK);

        var inputs = await (await admin.GetAsync($"{d}/inputs")).ReadItemsAsync();
        inputs.EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == junk).GetProperty("isSpam").GetBoolean().ShouldBeTrue();
        await (await admin.PutAsJsonAsync($"{d}/inputs/{junk}/spam", new { spam = false })).ShouldBeProblemAsync(HttpStatusCode.Conflict, "Governance:IllegalTransition");
    }

    [Theory]
    [InlineData("Rosa <rosa@example.org>")]
    [InlineData("a b@x.org")]
    [InlineData("rosa@@example.org")]
    [InlineData("a@b.org, c@d.org")]
    [InlineData("not an address")]
    public async Task An_address_that_is_not_one_plain_mailbox_is_refused(string email)
    {
        var (id, token, _) = await OpenPublicDecisionAsync($"bad{Math.Abs(email.GetHashCode(StringComparison.Ordinal)) % 10000}");
        using var visitor = app.Anonymous();
        var problem = await (await PostPublicAsync(visitor, token, "An idea", email)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Framework:ValidationFailed");
        problem.GetProperty("errors").TryGetProperty("email", out _).ShouldBeTrue();
        using var admin = await _alpha.AdminAsync();
        (await (await admin.GetAsync($"/api/governance/decisions/{id}/inputs")).ReadItemsAsync()).GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task An_address_hears_back_only_after_its_owner_confirms_it_with_a_single_use_link()
    {
        var (id, token, council) = await OpenPublicDecisionAsync("conf");
        var run = Guid.NewGuid().ToString("N")[..8];
        var rosa = $"rosa-{run}@example.org";
        var victim = $"victim-{run}@example.org";
        using var visitor = app.Anonymous();

        var first = await (await PostPublicAsync(visitor, token, "Add a bus stop nearby.", rosa, "Rosa")).ReadJsonAsync();
        first.GetProperty("emailStatus").GetString().ShouldBe("ConfirmationSent");
        var second = await (await PostPublicAsync(visitor, token, "And a bench.", rosa.ToUpperInvariant(), "Rosa")).ReadJsonAsync();
        second.GetProperty("emailStatus").GetString().ShouldBe("ConfirmationPending");
        // Someone types a stranger's address: the stranger gets one confirmation mail and nothing else, ever.
        var spoofed = (await (await PostPublicAsync(visitor, token, "Spoofed text that should never be mailed", victim)).ReadJsonAsync()).GetProperty("id").GetGuid();
        (await (await PostPublicAsync(visitor, token, "Again", victim)).ReadJsonAsync()).GetProperty("emailStatus").GetString().ShouldBe("ConfirmationPending");

        var confirmation = (await MailSink.WaitForAsync(rosa, 1)).Single();
        (await MailSink.WaitForAsync(victim, 1)).Single().Subject.ShouldStartWith("Confirm your email");
        var link = Regex.Match(confirmation.TextBody ?? string.Empty, @"https://ep\.test/public/confirm-email\?\S+").Value;
        link.ShouldContain("__tenant=alpha");
        var query = System.Web.HttpUtility.ParseQueryString(new Uri(link).Query);

        // The link works signed out with only what it carries; a second use finds nothing.
        using var stranger = app.Factory.CreateClient();
        var confirmed = await (await stranger.PostAsJsonAsync($"/api/governance/public/email-confirmations?__tenant={query["__tenant"]}", new { token = query["token"] })).ReadJsonAsync();
        confirmed.GetProperty("decisionTitle").GetString().ShouldBe("Extend clinic hours");
        await (await stranger.PostAsJsonAsync($"/api/governance/public/email-confirmations?__tenant=alpha", new { token = query["token"] }))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "Governance:ConfirmationLinkInvalid");
        await (await stranger.PostAsJsonAsync($"/api/governance/public/email-confirmations?__tenant=beta", new { token = query["token"] }))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "Governance:ConfirmationLinkInvalid");
        (await (await PostPublicAsync(visitor, token, "One more from Rosa.", rosa)).ReadJsonAsync()).GetProperty("emailStatus").GetString().ShouldBe("Confirmed");

        using var admin = await _alpha.AdminAsync();
        var d = $"/api/governance/decisions/{id}";
        var inputs = await (await admin.GetAsync($"{d}/inputs")).ReadItemsAsync();
        await (await admin.PostAsync($"{d}/open-voting", null)).ShouldBeSuccessAsync();
        await (await _alpha.VoteAsync(council.Members[0].UserName, id, new { choice = "Yes" })).ShouldBeSuccessAsync();
        await _alpha.CloseAsync(id);
        (await admin.PostAsJsonAsync($"{d}/record", new
        {
            outcome = "A bus stop moves next to the clinic.",
            rationale = "The public asked for it.",
            inputUses = inputs.EnumerateArray().Select(i => new { inputId = i.GetProperty("id").GetGuid(), use = "Adopted", explanation = "Yes." }).ToArray(),
        })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var rosaMail = await MailSink.WaitForAsync(rosa, 2);
        rosaMail.Count(m => (m.Subject ?? string.Empty).StartsWith("What came of your input", StringComparison.Ordinal)).ShouldBe(1);
        await Task.Delay(TimeSpan.FromSeconds(2)); // the same dispatch would have sent the stranger's too
        var victimMail = MailSink.To(victim);
        victimMail.Count.ShouldBe(1);
        victimMail.ShouldNotContain(m => (m.TextBody ?? string.Empty).Contains("Spoofed text", StringComparison.Ordinal));
        spoofed.ShouldNotBe(Guid.Empty);
    }

    [Fact]
    public async Task The_decision_lock_never_reaches_another_tenants_row()
    {
        var (id, _, _) = await OpenPublicDecisionAsync("lock");

        async Task<bool> LockedFromAsync(Guid tenantId)
        {
            using var scope = app.Factory.Services.CreateScope();
            var tenant = scope.ServiceProvider.GetRequiredService<ICurrentTenant>();
            using var _ = tenant.Change(tenantId, null);
            var db = scope.ServiceProvider.GetRequiredService<IGovernanceDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await db.LockDecisionAsync(id, CancellationToken.None);

            await using var other = new NpgsqlConnection(app.ConnectionString);
            await other.OpenAsync();
            await using var probe = new NpgsqlCommand("SELECT 1 FROM governance.decisions WHERE id = @id FOR UPDATE NOWAIT", other);
            probe.Parameters.AddWithValue("id", id);
            try
            {
                await probe.ExecuteScalarAsync();
                return false;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.LockNotAvailable)
            {
                return true;
            }
        }

        (await LockedFromAsync(app.AlphaId)).ShouldBeTrue();
        (await LockedFromAsync(app.BetaId)).ShouldBeFalse();
    }
}

/// <summary>A host whose public endpoints allow three writes a minute per client.</summary>
public sealed class RateLimitedFixture : TwoTenantFixture
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Governance:PublicInput:WritesPerMinute"] = "3",
        ["Governance:PublicInput:ReadsPerMinute"] = "100",
    };
}

public sealed class PublicRateLimitTests(RateLimitedFixture app) : IClassFixture<RateLimitedFixture>
{
    [Fact]
    public async Task The_public_endpoints_refuse_a_client_over_its_budget_with_429_and_a_code()
    {
        var scenario = new GovernanceScenario(app);
        var council = await scenario.CouncilAsync("rate", ("CommunityMember", true));
        var decision = await scenario.DecisionAsync(council.Id, new { method = "YesNo", quorum = 0.5, threshold = "SimpleMajority", secretBallot = false, allowPublicInput = true }, openVoting: false);
        var id = decision.GetProperty("id").GetGuid();
        var token = decision.GetProperty("publicInputToken").GetString()!;
        using var admin = await scenario.AdminAsync();
        await (await admin.PostAsync($"/api/governance/decisions/{id}/open-input", null)).ShouldBeSuccessAsync();

        using var visitor = app.Anonymous();
        var url = $"/api/governance/public/decisions/{token}/inputs?__tenant=alpha";
        for (var i = 0; i < 3; i++)
        {
            (await visitor.PostAsJsonAsync(url, new { text = $"Idea {i}" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        var refused = await visitor.PostAsJsonAsync(url, new { text = "Idea 4" });
        refused.Headers.RetryAfter.ShouldNotBeNull();
        await refused.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "Governance:TooManyRequests");
        // The confirmation endpoint shares the budget; reading the page has its own, larger one.
        await (await visitor.PostAsJsonAsync("/api/governance/public/email-confirmations?__tenant=alpha", new { token = "x" }))
            .ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "Governance:TooManyRequests");
        (await visitor.GetAsync($"/api/governance/public/decisions/{token}?__tenant=alpha")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var inputs = await (await admin.GetAsync($"/api/governance/decisions/{id}/inputs")).ReadItemsAsync();
        inputs.GetArrayLength().ShouldBe(3);
    }
}
