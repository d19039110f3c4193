using System.Text.RegularExpressions;

namespace EngagementPlatform.Identity.Tests;

/// <summary>A cookie-keeping browser stand-in for the server's sign-in pages, one step per call.</summary>
internal sealed partial class SignInPages(ApiFixture app) : IDisposable
{
    private readonly CookieContainer _cookies = new();
    private HttpClient? _client;

    public HttpClient Browser => _client ??= app.Factory.CreateDefaultClient(new Uri("http://localhost"), new CookieHandler(_cookies));

    /// <summary>Posts the sign-in form (with the page's anti-forgery token) and returns the answer.</summary>
    public async Task<HttpResponseMessage> SignInAsync(string? tenant, string userName, string password, string returnUrl = "/")
    {
        var page = await (await Browser.GetAsync("/account/login?returnUrl=" + Uri.EscapeDataString(returnUrl))).Content.ReadAsStringAsync();
        return await Browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Hidden(page, "__RequestVerificationToken"),
            ["returnUrl"] = returnUrl,
            ["tenant"] = tenant ?? string.Empty,
            ["userName"] = userName,
            ["password"] = password,
        }));
    }

    /// <summary>Submits the first-sign-in password form <paramref name="page"/> shows.</summary>
    public Task<HttpResponseMessage> ChooseAsync(string page, string newPassword, string? confirm = null)
        => Browser.PostAsync("/account/change-password", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Hidden(page, "__RequestVerificationToken"),
            ["ticket"] = Hidden(page, "ticket"),
            ["returnUrl"] = Hidden(page, "returnUrl"),
            ["newPassword"] = newPassword,
            ["confirmPassword"] = confirm ?? newPassword,
        }));

    public bool HasSignInCookie => _cookies.GetCookies(new Uri("http://localhost")).Any(c => c.Name == "EngagementPlatform.Identity");

    public static string Hidden(string page, string name)
    {
        var match = Regex.Match(page, $"name=\"{Regex.Escape(name)}\" value=\"([^\"]*)\"");
        match.Success.ShouldBeTrue($"no hidden field {name} in the page");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    public void Dispose() => _client?.Dispose();

    private sealed class CookieHandler(CookieContainer cookies) : DelegatingHandler
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
