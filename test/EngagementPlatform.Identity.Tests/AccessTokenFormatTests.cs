using System.Text;

namespace EngagementPlatform.Identity.Tests;

/// <summary>
/// Access tokens are signed JWTs (JWS, RS256), not encrypted ones (JWE): this API is their only audience and
/// verifying a signature costs a fraction of decrypting with RSA-OAEP (docs/adr/0013). Being readable by whoever
/// holds them, they must carry nothing secret.
/// </summary>
public sealed class AccessTokenFormatTests(TwoTenantFixture app) : IClassFixture<TwoTenantFixture>
{
    [Fact]
    public async Task An_access_token_is_a_signed_not_encrypted_JWT_under_the_published_RSA_key()
    {
        var token = await app.TokenAsync("alpha", "alpha-staff");
        var parts = token.Split('.');
        parts.Length.ShouldBe(3); // a JWE has five parts

        var header = Json(parts[0]);
        header.GetProperty("alg").GetString().ShouldBe("RS256");
        header.GetProperty("typ").GetString().ShouldBe("at+jwt");
        header.TryGetProperty("enc", out _).ShouldBeFalse();

        // The key that signed it is the RSA key the server publishes, and the signature is as long as its modulus.
        using var client = app.Anonymous();
        var keys = await (await client.GetAsync("/.well-known/jwks")).ReadJsonAsync();
        var key = keys.GetProperty("keys").EnumerateArray().Single(k => k.GetProperty("kid").GetString() == header.GetProperty("kid").GetString());
        key.GetProperty("kty").GetString().ShouldBe("RSA");
        Base64Url(parts[2]).Length.ShouldBe(Base64Url(key.GetProperty("n").GetString()!).Length);
    }

    [Fact]
    public async Task An_access_token_names_the_user_tenant_and_audience_and_holds_no_secret()
    {
        var token = await app.TokenAsync("alpha", "alpha-staff");
        var payload = Json(token.Split('.')[1]);
        var claims = payload.EnumerateObject().Select(p => p.Name).ToHashSet();

        payload.GetProperty("sub").GetString().ShouldNotBeNullOrEmpty();
        payload.GetProperty("tenantid").GetString().ShouldBe(app.AlphaId.ToString());
        payload.GetProperty("aud").ToString().ShouldContain("EngagementPlatform");
        // Only these may appear: who, which partnership, for what, until when. Nothing that signs in or proves anything.
        string[] allowed =
        [
            "iss", "exp", "iat", "nbf", "jti", "sub", "aud", "scope", "client_id", "azp", "oi_prst", "oi_au_id", "oi_tkn_id",
            "name", "email", "locale", "role", "tenantid", "tenantname",
        ];
        claims.Except(allowed).ShouldBeEmpty();
        var text = Encoding.UTF8.GetString(Base64Url(token.Split('.')[1]));
        text.ShouldNotContain(ApiFixture.Password);
        text.ShouldNotContain("stamp", Case.Insensitive);
        text.ShouldNotContain("hash", Case.Insensitive);
    }

    private static JsonElement Json(string part) => JsonDocument.Parse(Base64Url(part)).RootElement;

    private static byte[] Base64Url(string part)
    {
        var padded = part.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded.PadRight(padded.Length + ((4 - (padded.Length % 4)) % 4), '='));
    }
}
