using System.Security.Cryptography;
using System.Text;
using Duende.IdentityModel.OidcClient;
using Duende.IdentityModel.OidcClient.Browser;
using Microsoft.AspNetCore.WebUtilities;

namespace EngagementPlatform.Identity.Tests;

/// <summary>
/// A maintained OpenID Connect client library (Duende.IdentityModel.OidcClient), not our own code, drives discovery,
/// the code + PKCE flow, userinfo and refresh: what any standard client would do.
/// </summary>
public sealed class StandardClientTests(AuthorizationCodeFlowTests.DevServerFixture app) : IClassFixture<AuthorizationCodeFlowTests.DevServerFixture>
{
    private const string RedirectUri = "http://localhost:4200/auth/callback";

    [Fact]
    public async Task Discovery_offers_only_S256_and_a_userinfo_endpoint_and_a_plain_challenge_is_refused()
    {
        using var client = app.Anonymous();
        var discovery = await (await client.GetAsync("/.well-known/openid-configuration")).ReadJsonAsync();
        discovery.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(m => m.GetString()).ShouldBe(["S256"]);
        discovery.GetProperty("userinfo_endpoint").GetString()!.ShouldEndWith("/connect/userinfo");

        var verifier = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var plain = await client.GetAsync(QueryHelpers.AddQueryString("/connect/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = "EngagementPlatform_App",
            ["response_type"] = "code",
            ["redirect_uri"] = RedirectUri,
            ["scope"] = "openid profile",
            ["code_challenge"] = verifier,
            ["code_challenge_method"] = "plain",
            ["state"] = "s",
        }));
        var body = await plain.Content.ReadAsStringAsync();
        plain.StatusCode.ShouldBe(HttpStatusCode.BadRequest, body);
        plain.Headers.Location.ShouldBeNull("no code goes back to the app");
        body.ShouldContain("code_challenge_method");
    }

    [Fact]
    public async Task An_OpenID_Connect_client_library_signs_in_with_code_and_PKCE_reads_userinfo_and_refreshes()
    {
        var handler = app.Factory.Server.CreateHandler();
        var oidc = new OidcClient(new OidcClientOptions
        {
            Authority = "http://localhost",
            ClientId = "EngagementPlatform_App",
            RedirectUri = RedirectUri,
            Scope = "openid profile email offline_access EngagementPlatform",
            Browser = new SignInPageBrowser(app, "alpha", "alpha-member", ApiFixture.Password),
            BackchannelHandler = handler,
            LoadProfile = true,
            DisablePushedAuthorization = true,
            Policy = new Policy { Discovery = new Duende.IdentityModel.Client.DiscoveryPolicy { RequireHttps = false } },
        });

        var login = await oidc.LoginAsync(new LoginRequest());
        login.IsError.ShouldBeFalse(login.Error + " " + login.ErrorDescription);
        login.User.FindFirst("preferred_username")!.Value.ShouldBe("alpha-member");
        login.User.FindFirst("name")!.Value.ShouldBe("alpha-member");
        login.User.FindFirst("email")!.Value.ShouldBe("alpha-member@alpha.test");
        login.User.FindFirst("locale")!.Value.ShouldBe("en");
        login.User.FindFirst("tenant")!.Value.ShouldBe("alpha");
        login.RefreshToken.ShouldNotBeNullOrEmpty();

        using var api = app.Anonymous();
        api.DefaultRequestHeaders.Authorization = new("Bearer", login.AccessToken);
        (await (await api.GetAsync("/api/identity/my-profile")).ReadJsonAsync()).GetProperty("tenantName").GetString().ShouldBe("alpha");

        var refreshed = await oidc.RefreshTokenAsync(login.RefreshToken);
        refreshed.IsError.ShouldBeFalse(refreshed.Error + " " + refreshed.ErrorDescription);
        refreshed.AccessToken.ShouldNotBe(login.AccessToken);
        var userInfo = await oidc.GetUserInfoAsync(refreshed.AccessToken);
        userInfo.IsError.ShouldBeFalse(userInfo.Error);
        userInfo.Claims.Single(c => c.Type == "sub").Value.ShouldBe(app.AlphaMemberId.ToString());

        // userinfo without a token is a 401 challenge, as the standard says.
        using var anonymous = app.Anonymous();
        (await anonymous.GetAsync("/connect/userinfo")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    /// <summary>Plays the person at the browser: follows redirects, fills in the sign-in page, stops at the app's redirect URI.</summary>
    private sealed class SignInPageBrowser(ApiFixture app, string tenant, string userName, string password) : IBrowser
    {
        public async Task<BrowserResult> InvokeAsync(BrowserOptions options, CancellationToken cancellationToken = default)
        {
            using var pages = new SignInPages(app);
            var response = await pages.Browser.GetAsync(options.StartUrl, cancellationToken);
            for (var step = 0; step < 10; step++)
            {
                if (response.StatusCode == HttpStatusCode.Redirect)
                {
                    var next = response.Headers.Location!;
                    var absolute = next.IsAbsoluteUri ? next : new Uri(new Uri("http://localhost"), next);
                    if (absolute.ToString().StartsWith(options.EndUrl, StringComparison.Ordinal))
                    {
                        return new BrowserResult { ResultType = BrowserResultType.Success, Response = absolute.ToString() };
                    }

                    response = await pages.Browser.GetAsync(absolute, cancellationToken);
                    continue;
                }

                var page = await response.Content.ReadAsStringAsync(cancellationToken);
                if (!page.Contains("name=\"userName\"", StringComparison.Ordinal))
                {
                    break;
                }

                response = await pages.Browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["__RequestVerificationToken"] = SignInPages.Hidden(page, "__RequestVerificationToken"),
                    ["returnUrl"] = SignInPages.Hidden(page, "returnUrl"),
                    ["tenant"] = tenant,
                    ["userName"] = userName,
                    ["password"] = password,
                }), cancellationToken);
            }

            return new BrowserResult { ResultType = BrowserResultType.UnknownError, Error = $"the sign-in did not reach {options.EndUrl}" };
        }
    }
}
