namespace EngagementPlatform.Governance.Tests.Api;

/// <summary>
/// A refusal reads in the language of the request from start to end: the state and the action inside the message
/// are words translated with it, not enum names or English verbs.
/// </summary>
public sealed class SpanishMessagesTests(TwoTenantFixture app) : IClassFixture<TwoTenantFixture>
{
    private readonly GovernanceScenario _alpha = new(app);

    [Theory]
    [InlineData("es", "No se puede abrir a votación una decisión en estado 'En votación'.")]
    [InlineData("es-MX", "No se puede abrir a votación una decisión en estado 'En votación'.")]
    [InlineData("en", "A decision in the 'Voting' state cannot be opened for voting.")]
    public async Task Opening_voting_twice_is_refused_in_the_request_language(string language, string expected)
    {
        var council = await _alpha.CouncilAsync($"twice-{language}", ("CommunityMember", true));
        var id = (await _alpha.DecisionAsync(council.Id, new { method = "YesNo", quorum = 0.5, threshold = "SimpleMajority", secretBallot = false }))
            .GetProperty("id").GetGuid();
        using var admin = await _alpha.AdminAsync();
        admin.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);

        var problem = await (await admin.PostAsync($"/api/governance/decisions/{id}/open-voting", null))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "Governance:IllegalTransition");

        problem.GetProperty("title").GetString().ShouldBe(expected);
    }

    [Fact]
    public async Task Closing_voting_that_has_closed_names_the_closed_state_in_Spanish()
    {
        var council = await _alpha.CouncilAsync("closed-es", ("CommunityMember", true));
        var id = (await _alpha.DecisionAsync(council.Id, new { method = "YesNo", quorum = 0.5, threshold = "SimpleMajority", secretBallot = false }))
            .GetProperty("id").GetGuid();
        await _alpha.CloseAsync(id);
        using var admin = await _alpha.AdminAsync();
        admin.DefaultRequestHeaders.AcceptLanguage.ParseAdd("es");

        var problem = await (await admin.PostAsync($"/api/governance/decisions/{id}/close-voting", null))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "Governance:IllegalTransition");

        problem.GetProperty("title").GetString().ShouldBe("No se puede cerrar la votación de una decisión en estado 'Votación cerrada'.");
    }

    [Fact]
    public async Task A_record_with_unanswered_input_says_which_in_Spanish()
    {
        var council = await _alpha.CouncilAsync("unanswered-es", ("CommunityMember", true));
        var id = (await _alpha.DecisionAsync(council.Id, new { method = "YesNo", quorum = 0.5, threshold = "SimpleMajority", secretBallot = false }, openVoting: false))
            .GetProperty("id").GetGuid();
        var d = $"/api/governance/decisions/{id}";
        using var admin = await _alpha.AdminAsync();
        using var member = await app.ClientAsync("alpha", "unanswered-es-1");
        await (await admin.PostAsync($"{d}/open-input", null)).ShouldBeSuccessAsync();
        var input = (await (await member.PostAsJsonAsync($"{d}/inputs", new { text = "Abrir los sábados." })).ReadJsonAsync()).GetProperty("id").GetGuid();
        await (await admin.PostAsync($"{d}/open-voting", null)).ShouldBeSuccessAsync();
        await _alpha.CloseAsync(id);
        admin.DefaultRequestHeaders.AcceptLanguage.ParseAdd("es");

        var problem = await (await admin.PostAsJsonAsync($"{d}/record", new { outcome = "x", rationale = "y", inputUses = Array.Empty<object>() }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "Governance:InputsNotAnswered");

        problem.GetProperty("title").GetString().ShouldBe("Cada aporte necesita una respuesta: diga cómo se usó y por qué.");
        problem.GetProperty("errors").GetProperty("inputUses")[0].GetString().ShouldBe($"Estos aportes aún no tienen respuesta: {input}.");
    }
}
