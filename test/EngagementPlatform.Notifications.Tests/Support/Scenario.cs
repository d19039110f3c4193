namespace EngagementPlatform.Notifications.Tests.Support;

/// <summary>Seats members on a council and runs decisions through the Governance API, as staff would.</summary>
internal sealed class Scenario(MailFixture app, string tenant = "alpha")
{
    public static readonly string TermStart = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-30)).ToString("yyyy-MM-dd");

    public string Tenant { get; } = tenant;

    /// <summary>A short prefix no other test (or earlier run against the shared sink) uses.</summary>
    public static string Unique(string prefix) => prefix + Guid.NewGuid().ToString("N")[..8];

    public string Email(string userName) => $"{userName}@{Tenant}.test".ToLowerInvariant();

    public Task<HttpClient> AdminAsync() => app.ClientAsync(Tenant, "admin");

    public async Task<Guid> UserAsync(string userName, string language = "en", string role = "member")
    {
        using var admin = await AdminAsync();
        var response = await admin.PostAsJsonAsync("/api/identity/users", new
        {
            userName,
            email = Email(userName),
            password = ApiFixture.Password,
            name = userName,
            roleNames = new[] { role },
            preferredLanguage = language,
        });
        return (await response.ReadJsonAsync()).GetProperty("id").GetGuid();
    }

    /// <summary>A council with one voting seat for each of <paramref name="members"/>.</summary>
    public async Task<Guid> CouncilAsync(string name, params Guid[] members)
    {
        using var admin = await AdminAsync();
        var councilId = (await (await admin.PostAsJsonAsync("/api/governance/councils", new { name })).ReadJsonAsync()).GetProperty("id").GetGuid();
        for (var i = 0; i < members.Length; i++)
        {
            var seatId = (await (await admin.PostAsJsonAsync($"/api/governance/councils/{councilId}/seats", new { title = $"Seat {i + 1}", category = "CommunityMember", isVoting = true }))
                .ReadJsonAsync()).GetProperty("id").GetGuid();
            await (await admin.PostAsJsonAsync($"/api/governance/councils/{councilId}/seats/{seatId}/assignments", new { userId = members[i], termStart = TermStart }))
                .ShouldBeSuccessAsync();
        }

        return councilId;
    }

    /// <summary>A yes/no decision in draft; returns its id and public input token.</summary>
    public async Task<(Guid Id, string? PublicToken)> DecisionAsync(Guid councilId, string title, bool allowPublicInput = false, bool secretBallot = false)
    {
        using var admin = await AdminAsync();
        var decision = await (await admin.PostAsJsonAsync("/api/governance/decisions", new
        {
            councilId,
            title,
            method = "YesNo",
            quorum = 0.5,
            threshold = "SimpleMajority",
            secretBallot,
            allowPublicInput,
        })).ReadJsonAsync();
        // A create answers the new id; the public-input token is part of the decision as read back.
        decision = await (await admin.GetAsync($"/api/governance/decisions/{decision.GetProperty("id").GetGuid()}")).ReadJsonAsync();
        var token = decision.TryGetProperty("publicInputToken", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        return (decision.GetProperty("id").GetGuid(), token);
    }

    public Task<JsonElement> OpenInputAsync(Guid decisionId) => ActionAsync(decisionId, "open-input");

    public Task<JsonElement> OpenVotingAsync(Guid decisionId) => ActionAsync(decisionId, "open-voting");

    public Task<JsonElement> CloseVotingAsync(Guid decisionId) => ActionAsync(decisionId, "close-voting");

    public async Task<Guid> InputAsync(string userName, Guid decisionId, string text)
    {
        using var member = await app.ClientAsync(Tenant, userName);
        return (await (await member.PostAsJsonAsync($"/api/governance/decisions/{decisionId}/inputs", new { text })).ReadJsonAsync()).GetProperty("id").GetGuid();
    }

    /// <summary>Input from the public link; the address is confirmed through the link mailed to it, as its owner would.</summary>
    public async Task<Guid> PublicInputAsync(string token, string text, string name, string email)
    {
        using var visitor = app.Anonymous();
        var receipt = await (await visitor.PostAsJsonAsync($"/api/governance/public/decisions/{token}/inputs?__tenant={Tenant}", new { text, name, email })).ReadJsonAsync();
        if (receipt.GetProperty("emailStatus").GetString() == "ConfirmationSent")
        {
            await app.DeliverAsync();
            var link = System.Text.RegularExpressions.Regex.Match(MailSink.To(email).Last().Text(), @"\S+/public/confirm-email\?\S+").Value;
            var query = System.Web.HttpUtility.ParseQueryString(new Uri(link).Query);
            await (await visitor.PostAsJsonAsync($"/api/governance/public/email-confirmations?__tenant={query["__tenant"]}", new { token = query["token"] })).ShouldBeSuccessAsync();
        }

        return receipt.GetProperty("id").GetGuid();
    }

    public async Task VoteAsync(string userName, Guid decisionId, string choice = "Yes")
    {
        using var voter = await app.ClientAsync(Tenant, userName);
        await (await voter.PutAsJsonAsync($"/api/governance/decisions/{decisionId}/my-vote", new { choice })).ShouldBeSuccessAsync();
    }

    public async Task<HttpResponseMessage> RecordAsync(Guid decisionId, string outcome, string rationale, params (Guid InputId, string Use, string Explanation)[] uses)
    {
        using var admin = await AdminAsync();
        return await admin.PostAsJsonAsync($"/api/governance/decisions/{decisionId}/record", new
        {
            outcome,
            rationale,
            inputUses = uses.Select(u => new { inputId = u.InputId, use = u.Use, explanation = u.Explanation }).ToArray(),
        });
    }

    /// <summary>Every voter votes yes, voting closes and the decision is recorded with no inputs.</summary>
    public async Task DecideAsync(Guid decisionId, IEnumerable<string> voters, string outcome = "Approved.", string rationale = "Most voted yes.")
    {
        foreach (var voter in voters)
        {
            await VoteAsync(voter, decisionId);
        }

        await CloseVotingAsync(decisionId);
        await (await RecordAsync(decisionId, outcome, rationale)).ShouldBeSuccessAsync();
    }

    /// <summary>The outbox as staff see it (GET /api/notifications/outbox).</summary>
    public async Task<IReadOnlyList<OutboxRow>> OutboxAsync(string? status = null)
    {
        using var admin = await AdminAsync();
        var page = await (await admin.GetAsync($"/api/notifications/outbox?maxResultCount=1000{(status is null ? string.Empty : "&status=" + status)}")).ReadJsonAsync();
        return page.GetProperty("items").EnumerateArray().Select(i => new OutboxRow(
            i.GetProperty("id").GetGuid(),
            i.GetProperty("template").GetString()!,
            i.GetProperty("category").GetString()!,
            i.GetProperty("culture").GetString()!,
            i.GetProperty("toEmail").GetString()!.ToLowerInvariant(),
            i.GetProperty("subject").GetString()!,
            i.GetProperty("status").GetString()!,
            i.GetProperty("attempts").GetInt32(),
            i.GetProperty("lastError").ValueKind == JsonValueKind.String ? i.GetProperty("lastError").GetString() : null)).ToList();
    }

    private async Task<JsonElement> ActionAsync(Guid decisionId, string action)
    {
        using var admin = await AdminAsync();
        return await (await admin.PostAsync($"/api/governance/decisions/{decisionId}/{action}", null)).ReadJsonAsync();
    }
}

internal sealed record OutboxRow(Guid Id, string Template, string Category, string Culture, string ToEmail, string Subject, string Status, int Attempts, string? LastError);
