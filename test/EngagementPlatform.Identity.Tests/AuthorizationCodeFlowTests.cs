using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;

namespace EngagementPlatform.Identity.Tests;

/// <summary>The Angular app's sign-in: authorization code + PKCE through the server's sign-in page.</summary>
public sealed partial class AuthorizationCodeFlowTests(AuthorizationCodeFlowTests.DevServerFixture app) : IClassFixture<AuthorizationCodeFlowTests.DevServerFixture>
{
    /// <summary>The web app served apart from the host (the Angular dev server's address), as App:ClientUrl names it.</summary>
    public sealed class DevServerFixture : TwoTenantFixture
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["App:ClientUrl"] = "http://localhost:4200" };
    }

    private const string RedirectUri = "http://localhost:4200/auth/callback";

    [Fact]
    public async Task A_member_signs_in_on_the_page_and_the_app_exchanges_the_code_for_a_token_of_their_tenant()
    {
        var cookies = new System.Net.CookieContainer();
        using var browser = app.Factory.CreateDefaultClient(new Uri("http://localhost"), new CookieHandler(cookies));
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var authorize = QueryHelpers.AddQueryString("/connect/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = "EngagementPlatform_App",
            ["response_type"] = "code",
            ["redirect_uri"] = RedirectUri,
            ["scope"] = "openid profile EngagementPlatform",
            ["code_challenge"] = challenge,
            ["code_challenge_method"] = "S256",
            ["state"] = "xyz",
            ["__tenant"] = "alpha",
        });

        // 1. Not signed in: the authorize endpoint sends the browser to the sign-in page.
        var first = await browser.GetAsync(authorize);
        first.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var loginUrl = first.Headers.Location!.ToString();
        loginUrl.ShouldContain("/account/login");

        // 2. The page knows the partnership from the app's request and carries an anti-forgery token.
        var page = await (await browser.GetAsync(loginUrl)).Content.ReadAsStringAsync();
        page.ShouldContain("value=\"alpha\"");
        var form = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = HiddenValue().Matches(page).Select(m => m.Groups[2].Value).First(),
            ["returnUrl"] = System.Net.WebUtility.HtmlDecode(ReturnUrl().Match(page).Groups[1].Value),
            ["tenant"] = "alpha",
            ["userName"] = "alpha-member",
            ["password"] = ApiFixture.Password,
        };

        // 3. A wrong password re-renders the page with an error and no cookie.
        var wrong = await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>(form) { ["password"] = "Wrong-123" }));
        wrong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await wrong.Content.ReadAsStringAsync()).ShouldContain("role=\"alert\"");

        // 4. The right password signs in and returns to authorize, which redirects to the app with a code.
        var signedIn = await browser.PostAsync("/account/login", new FormUrlEncodedContent(form));
        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var back = await browser.GetAsync(signedIn.Headers.Location!);
        back.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var callback = back.Headers.Location!;
        callback.GetLeftPart(UriPartial.Path).ShouldBe(RedirectUri);
        var query = QueryHelpers.ParseQuery(callback.Query);
        query["state"].ToString().ShouldBe("xyz");

        // 5. The app exchanges the code with its verifier and gets a token of the member's partnership.
        using var spa = app.Anonymous();
        var exchange = new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = "EngagementPlatform_App",
            ["code"] = query["code"].ToString(),
            ["redirect_uri"] = RedirectUri,
            ["code_verifier"] = verifier,
        };
        var accessToken = (await (await spa.PostAsync("/connect/token", new FormUrlEncodedContent(exchange))).ReadJsonAsync())
            .GetProperty("access_token").GetString();
        using var api = app.Anonymous();
        api.DefaultRequestHeaders.Authorization = new("Bearer", accessToken);
        var profile = await (await api.GetAsync("/api/identity/my-profile")).ReadJsonAsync();
        profile.GetProperty("userName").GetString().ShouldBe("alpha-member");
        profile.GetProperty("tenantName").GetString().ShouldBe("alpha");

        // 6. A code is single-use, and a code is worthless without its verifier.
        (await spa.PostAsync("/connect/token", new FormUrlEncodedContent(exchange))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var again = await browser.GetAsync(authorize); // still signed in: straight back with a new code
        again.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        exchange["code"] = QueryHelpers.ParseQuery(again.Headers.Location!.Query)["code"].ToString();
        exchange["code_verifier"] = Base64Url(RandomNumberGenerator.GetBytes(32));
        (await spa.PostAsync("/connect/token", new FormUrlEncodedContent(exchange))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [GeneratedRegex("name=\"(__RequestVerificationToken)\" value=\"([^\"]+)\"")]
    private static partial Regex HiddenValue();

    [GeneratedRegex("name=\"returnUrl\" value=\"([^\"]*)\"")]
    private static partial Regex ReturnUrl();

    /// <summary>Keeps cookies like a browser, without following redirects, so each step can be checked.</summary>
    private sealed class CookieHandler(System.Net.CookieContainer cookies) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var uri = request.RequestUri!.IsAbsoluteUri ? request.RequestUri : new Uri(new Uri("http://localhost"), request.RequestUri);
            request.RequestUri = uri;
            var header = cookies.GetCookieHeader(uri);
            if (!string.IsNullOrEmpty(header))
            {
                request.Headers.Add("Cookie", header);
            }

            var response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
            {
                foreach (var cookie in setCookies)
                {
                    cookies.SetCookies(uri, cookie);
                }
            }

            return response;
        }
    }
}
