using EngagementPlatform.Identity.Accounts;
using EngagementPlatform.Identity.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace EngagementPlatform.Identity.Tests;

/// <summary>User enumeration (answers and work alike for every failure) and the sign-in rate limits.</summary>
public sealed class SignInAbuseTests(TwoTenantFixture app) : IClassFixture<TwoTenantFixture>
{
    [Fact]
    public async Task Unknown_user_wrong_password_inactive_and_locked_account_get_the_same_answer_and_the_same_hashing_work()
    {
        var hasher = new CountingHasher();
        await using var host = app.Factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IPasswordHasher<User>>(hasher)));
        await app.CreateUserAsync("alpha", "probe-locked");
        var inactiveId = await app.CreateUserAsync("alpha", "probe-inactive");
        using (var admin = await app.ClientAsync("alpha", "admin"))
        {
            await (await admin.PutAsJsonAsync($"/api/identity/users/{inactiveId}", new { email = "probe-inactive@alpha.test", isActive = false })).ShouldBeSuccessAsync();
        }

        for (var attempt = 0; attempt < 5; attempt++)
        {
            await TokenAsync(host, "alpha", "probe-locked", "Wrong-123");
        }

        var answers = new List<string>();
        foreach (var (user, password) in new[]
                 {
                     ("nobody-here", "Wrong-123"), ("alpha-member", "Wrong-123"), ("probe-inactive", ApiFixture.Password), ("probe-locked", ApiFixture.Password),
                 })
        {
            var before = hasher.Verifications;
            var response = await TokenAsync(host, "alpha", user, password);
            (hasher.Verifications - before).ShouldBe(1, $"{user}: one password verification, whether or not the account can sign in");
            answers.Add($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        answers.Distinct().Count().ShouldBe(1, string.Join(Environment.NewLine, answers));
        answers[0].ShouldContain(IdentityErrorCodes.InvalidCredentials);
        answers[0].ShouldNotContain("lock", Case.Insensitive);

        // The sign-in page says the same words for all of them too.
        var alerts = new List<string>();
        foreach (var user in new[] { "nobody-here", "probe-locked", "alpha-member" })
        {
            using var pages = new SignInPages(app);
            var page = await (await pages.SignInAsync("alpha", user, user == "alpha-member" ? "Wrong-123" : ApiFixture.Password)).Content.ReadAsStringAsync();
            alerts.Add(System.Text.RegularExpressions.Regex.Match(page, "<p class=\"error\" role=\"alert\">[^<]*</p>").Value);
        }

        alerts[0].ShouldNotBeEmpty();
        alerts.Distinct().Count().ShouldBe(1, string.Join(Environment.NewLine, alerts));
    }

    [Fact]
    public async Task A_client_gets_429_with_a_code_and_Retry_After_past_its_limit_on_the_token_endpoint_and_the_sign_in_page()
    {
        await using var host = app.Factory.WithWebHostBuilder(b => b.UseSetting("Identity:RateLimits:PerClient:PermitLimit", "3"));
        for (var attempt = 0; attempt < 3; attempt++)
        {
            (await TokenAsync(host, "alpha", $"someone-{attempt}", "Wrong-123")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        }

        var limited = await TokenAsync(host, "alpha", "someone-else", "Wrong-123");
        var problem = await limited.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, IdentityErrorCodes.TooManySignInAttempts);
        problem.GetProperty("title").GetString().ShouldNotBeNullOrEmpty();
        int.Parse(limited.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThan(0);

        using var browser = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var form = await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["userName"] = "x", ["password"] = "y" }));
        await form.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, IdentityErrorCodes.TooManySignInAttempts);

        // Other endpoints are not counted.
        (await browser.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_per_account_limit_slows_guessing_for_one_window_and_its_refusals_do_not_lock_the_account()
    {
        await app.CreateUserAsync("alpha", "target");
        await using var host = app.Factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("Identity:RateLimits:PerAccount:PermitLimit", "3");
            // Long enough that the attempts below fall in one window even on a busy machine.
            b.UseSetting("Identity:RateLimits:PerAccount:WindowSeconds", "120");
        });

        for (var attempt = 0; attempt < 3; attempt++)
        {
            (await TokenAsync(host, "alpha", "target", "Wrong-123")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        }

        // Past the limit, attempts on this account are refused before the password is looked at...
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var refused = await TokenAsync(host, "alpha", "TARGET", attempt == 4 ? ApiFixture.Password : "Wrong-123");
            await refused.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, IdentityErrorCodes.TooManySignInAttempts);
            // ...for at most the rest of the window: the refusal says when to come back.
            int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture).ShouldBeInRange(1, 120);
        }

        // ...other accounts are unaffected...
        (await TokenAsync(host, "alpha", "alpha-staff", ApiFixture.Password)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // ...and the refused guesses did not count towards the lockout (5 failures): when the window ends the owner's
        // right password works at once (shown here on a host whose window has not been used up).
        using var admin = await app.ClientAsync("alpha", "admin");
        var users = await (await admin.GetAsync("/api/identity/users?filter=target")).ReadJsonAsync();
        users.GetProperty("items")[0].GetProperty("isLockedOut").GetBoolean().ShouldBeFalse();
        (await app.RequestTokenAsync("alpha", "target", ApiFixture.Password)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_spoofed_X_Forwarded_For_from_an_untrusted_address_is_ignored_and_a_configured_proxys_is_used()
    {
        await using var host = app.Factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("App:TrustForwardedHeaders", "true");
            b.UseSetting("App:ForwardedHeaders:KnownProxies:0", "10.0.0.7");
            b.UseSetting("Identity:RateLimits:PerClient:PermitLimit", "2");
            b.ConfigureTestServices(s => s.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter>(new PeerAddressFromTestHeader()));
        });

        // An untrusted client names a new address each time: the limit still sees its own address.
        var untrusted = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            untrusted.Add((await TokenAsync(host, "alpha", "nobody", "Wrong-123", peer: "203.0.113.9", forwardedFor: $"198.51.100.{attempt + 1}")).StatusCode);
        }

        untrusted.ShouldBe([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests]);

        // The configured proxy forwards three different clients: each has its own budget.
        for (var attempt = 0; attempt < 3; attempt++)
        {
            (await TokenAsync(host, "alpha", "nobody", "Wrong-123", peer: "10.0.0.7", forwardedFor: $"198.51.100.{attempt + 1}")).StatusCode
                .ShouldBe(HttpStatusCode.BadRequest);
        }
    }

    private static async Task<HttpResponseMessage> TokenAsync(
        WebApplicationFactory<Program> host, string? tenant, string userName, string password, string? peer = null, string? forwardedFor = null)
    {
        using var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/connect/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "password",
                ["client_id"] = "EngagementPlatform_App",
                ["username"] = userName,
                ["password"] = password,
                ["scope"] = "EngagementPlatform",
            }),
        };
        if (tenant is not null)
        {
            request.Headers.Add("__tenant", tenant);
        }

        if (peer is not null)
        {
            request.Headers.Add(PeerAddressFromTestHeader.Header, peer);
        }

        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        return await client.SendAsync(request);
    }

    private sealed class CountingHasher : IPasswordHasher<User>
    {
        private readonly PasswordHasher<User> _inner = new();
        private int _verifications;

        public int Verifications => Volatile.Read(ref _verifications);

        public string HashPassword(User user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(User user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    /// <summary>The in-memory server has no TCP peer: this stands in for the address a connection comes from.</summary>
    private sealed class PeerAddressFromTestHeader : Microsoft.AspNetCore.Hosting.IStartupFilter
    {
        public const string Header = "X-Test-Peer";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, call) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[Header].ToString(), out var peer))
                {
                    context.Connection.RemoteIpAddress = peer;
                }

                await call(context);
            });
            next(app);
        };
    }
}
