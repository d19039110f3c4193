using Npgsql;

namespace EngagementPlatform.Governance.Tests.Api;

/// <summary>Application logs at their most talkative, database commands included, so the log check means something.</summary>
public sealed class VerboseLogFixture : TwoTenantFixture
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Serilog:MinimumLevel:Default"] = "Debug",
        ["Serilog:MinimumLevel:Override:Microsoft.EntityFrameworkCore"] = "Debug",
        ["Serilog:MinimumLevel:Override:Microsoft.AspNetCore"] = "Debug",
    };
}

public sealed class SecretBallotTests(VerboseLogFixture app) : IClassFixture<VerboseLogFixture>
{
    private readonly GovernanceScenario _alpha = new(app);

    [Fact]
    public async Task No_endpoint_table_or_log_line_links_a_voter_to_a_choice()
    {
        var council = await _alpha.CouncilAsync("sb", ("CommunityMember", true), ("CommunityMember", true), ("AgencyStaff", true));
        var id = (await _alpha.DecisionAsync(council.Id, new { method = "YesNo", quorum = 0.5, threshold = "SimpleMajority", secretBallot = true })).GetProperty("id").GetGuid();
        var choices = new Dictionary<string, string> { ["sb-1"] = "Yes", ["sb-2"] = "No", ["sb-3"] = "Abstain" };
        foreach (var (user, choice) in choices)
        {
            var mine = await (await _alpha.VoteAsync(user, id, new { choice })).ReadJsonAsync();
            mine.GetProperty("hasVoted").GetBoolean().ShouldBeTrue();
            mine.GetProperty("choice").ValueKind.ShouldBe(JsonValueKind.Null);
        }

        // Changing a secret vote works while voting is open (the voter's key finds their ballot)...
        await (await _alpha.VoteAsync("sb-2", id, new { choice = "Yes" })).ShouldBeSuccessAsync();
        using var member = await app.ClientAsync("alpha", "sb-1");
        (await (await member.GetAsync($"/api/governance/decisions/{id}/my-vote")).ReadJsonAsync()).GetProperty("choice").ValueKind.ShouldBe(JsonValueKind.Null);
        await (await member.GetAsync($"/api/governance/decisions/{id}/votes")).ShouldBeProblemAsync(HttpStatusCode.Conflict, "Governance:SecretBallot");

        var tally = await _alpha.CloseAsync(id);
        tally.GetProperty("counts").GetProperty("Yes").GetInt32().ShouldBe(2);
        tally.GetProperty("counts").GetProperty("Abstain").GetInt32().ShouldBe(1);

        // ...and in the database no ballot names a voter, and the key that linked them is gone after the close.
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using (var named = new NpgsqlCommand("SELECT count(*) FROM governance.ballots WHERE decision_id = @id AND voter_user_id IS NOT NULL", connection))
        {
            named.Parameters.AddWithValue("id", id);
            ((long)(await named.ExecuteScalarAsync())!).ShouldBe(0);
        }

        await using (var secret = new NpgsqlCommand("SELECT ballot_secret IS NULL FROM governance.decisions WHERE id = @id", connection))
        {
            secret.Parameters.AddWithValue("id", id);
            ((bool)(await secret.ExecuteScalarAsync())!).ShouldBeTrue();
        }

        // No log line carries a ballot's content, or names a voter beside a choice.
        app.Logs.Lines.Count.ShouldBeGreaterThan(50, string.Join(Environment.NewLine, app.Logs.Lines.Take(10)));
        app.Logs.Lines.ShouldNotContain(l => l.Contains("\"choice\"", StringComparison.OrdinalIgnoreCase));
        foreach (var voter in council.Members)
        {
            app.Logs.Lines
                .Where(l => l.Contains(voter.UserId.ToString(), StringComparison.OrdinalIgnoreCase))
                .ShouldNotContain(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"\b(Yes|No|Abstain)\b"));
        }
    }
}
