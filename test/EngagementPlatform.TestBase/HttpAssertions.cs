using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shouldly;

namespace EngagementPlatform.TestBase;

public static class HttpAssertions
{
    public static async Task ShouldBeSuccessAsync(this HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync();
            throw new ShouldAssertException($"Expected success but got {(int)response.StatusCode} {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {body}");
        }
    }

    /// <summary>Asserts the status and that the body is problem details with the given code; returns the body.</summary>
    public static async Task<JsonElement> ShouldBeProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string? code = null)
    {
        var body = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).ShouldBe((int)status, body);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", body);
        var problem = JsonDocument.Parse(body).RootElement;
        problem.GetProperty("status").GetInt32().ShouldBe((int)status);
        problem.TryGetProperty("code", out var actualCode).ShouldBeTrue(body);
        if (code is not null)
        {
            actualCode.GetString().ShouldBe(code, body);
        }

        return problem;
    }

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response)
    {
        await response.ShouldBeSuccessAsync();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
