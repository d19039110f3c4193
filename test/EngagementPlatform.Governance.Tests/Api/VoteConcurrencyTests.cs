using Npgsql;
using static EngagementPlatform.Governance.Tests.Api.DatabaseRows;

namespace EngagementPlatform.Governance.Tests.Api;

/// <summary>
/// Casting a vote without a queue (docs/adr/0012-votes-without-a-row-lock.md): votes on one decision do not wait for
/// each other, each vote is a fixed two statements, and a close racing the votes still counts every vote answered
/// before it and refuses the rest.
/// </summary>
public sealed class VoteConcurrencyTests(QueryCountFixture app) : IClassFixture<QueryCountFixture>
{
    /// <summary>Governance statements per vote: the read of the decision's state and the voter's seat, and the conditional write.</summary>
    private const int DocumentedStatements = 2;

    private readonly GovernanceScenario _alpha = new(app);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Casting_or_changing_a_vote_sends_two_governance_statements_and_takes_no_exclusive_lock(bool secretBallot)
    {
        var prefix = secretBallot ? "qcs" : "qco";
        var council = await _alpha.CouncilAsync(prefix, ("CommunityMember", true), ("AgencyStaff", true));
        var id = (await _alpha.DecisionAsync(council.Id, new { method = "YesNo", quorum = 0.5, threshold = "SimpleMajority", secretBallot, concurrentMajority = secretBallot }))
            .GetProperty("id").GetGuid();
        var path = $"/api/governance/decisions/{id}/my-vote";
        using var first = await app.ClientAsync("alpha", $"{prefix}-1");
        using var second = await app.ClientAsync("alpha", $"{prefix}-2");
        await (await first.PutAsJsonAsync(path, new { choice = "Yes" })).ShouldBeSuccessAsync(); // warm-up: caches, compiled queries

        foreach (var (label, choice) in new[] { ("first vote", "No"), ("changed vote", "Yes") })
        {
            using var recording = app.Sql.Record();
            var answer = await (await second.PutAsJsonAsync(path, new { choice })).ReadJsonAsync();
            answer.GetProperty("hasVoted").GetBoolean().ShouldBeTrue();
            answer.GetProperty("choice").ValueKind.ShouldBe(secretBallot ? JsonValueKind.Null : JsonValueKind.String);

            var governance = recording.For(path).Where(s => s.Touches("governance")).ToList();
            governance.Count.ShouldBe(DocumentedStatements, $"{label}:\n{string.Join("\n---\n", governance)}");
            governance.ShouldAllBe(s => !s.Sql.Contains("FOR UPDATE", StringComparison.OrdinalIgnoreCase) && !s.Sql.Contains("FOR NO KEY UPDATE", StringComparison.OrdinalIgnoreCase));
        }

        var tally = await _alpha.CloseAsync(id);
        tally.GetProperty("cast").GetInt32().ShouldBe(2);
        tally.GetProperty("counts").GetProperty("Yes").GetInt32().ShouldBe(2);
    }

    [Fact]
    public async Task A_vote_does_not_wait_for_another_vote_in_flight_on_the_same_decision()
    {
        var council = await _alpha.CouncilAsync("wait", ("CommunityMember", true), ("CommunityMember", true));
        var id = (await _alpha.DecisionAsync(council.Id, new { method = "YesNo", quorum = 0.5, threshold = "SimpleMajority", secretBallot = false })).GetProperty("id").GetGuid();

        // Another vote's transaction, not yet committed, holds what a vote holds on the decision's row.
        await using var other = new NpgsqlConnection(app.ConnectionString);
        await other.OpenAsync();
        await using var transaction = await other.BeginTransactionAsync();
        await using (var share = new NpgsqlCommand("SELECT 1 FROM governance.decisions WHERE id = @id FOR KEY SHARE", other, transaction))
        {
            share.Parameters.AddWithValue("id", id);
            (await share.ExecuteScalarAsync()).ShouldBe(1);
        }

        var vote = _alpha.VoteAsync("wait-1", id, new { choice = "Yes" });
        // Not a timing assertion: a vote that queued behind the lock would never finish while it is held.
        (await Task.WhenAny(vote, Task.Delay(TimeSpan.FromSeconds(60)))).ShouldBe(vote, "the vote waited for the other vote's transaction");
        await (await vote).ShouldBeSuccessAsync();
        await transaction.CommitAsync();

        (await _alpha.GetDecisionAsync(id)).GetProperty("votesCast").GetInt32().ShouldBe(1);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Members_voting_at_once_on_one_decision_all_succeed_and_each_is_stored_once(bool secretBallot)
    {
        const int members = 30;
        var prefix = secretBallot ? "pars" : "paro";
        var council = await _alpha.CouncilAsync(prefix, Enumerable.Range(0, members).Select(_ => ("CommunityMember", true)).ToArray());
        var id = (await _alpha.DecisionAsync(council.Id, new { method = "YesNo", quorum = 0.5, threshold = "SimpleMajority", secretBallot })).GetProperty("id").GetGuid();
        var clients = await Task.WhenAll(council.Members.Select(m => app.ClientAsync("alpha", m.UserName)));
        var path = $"/api/governance/decisions/{id}/my-vote";

        // Everyone votes at once, then everyone changes their vote at once (two votes of each member in flight together).
        var rounds = new[] { (Func<int, string>)(n => n % 3 == 0 ? "No" : "Yes"), n => n % 2 == 0 ? "No" : "Yes" };
        var answers = await Task.WhenAll(clients.SelectMany((c, n) => rounds.Select(round => c.PutAsJsonAsync(path, new { choice = round(n) }))));
        foreach (var answer in answers)
        {
            answer.StatusCode.ShouldBe(HttpStatusCode.OK, await answer.Content.ReadAsStringAsync());
        }

        var last = await Task.WhenAll(clients.Select((c, n) => c.PutAsJsonAsync(path, new { choice = rounds[1](n) })));
        last.ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK);

        (await _alpha.GetDecisionAsync(id)).GetProperty("votesCast").GetInt32().ShouldBe(members);
        var tally = await _alpha.CloseAsync(id);
        tally.GetProperty("cast").GetInt32().ShouldBe(members);
        tally.GetProperty("counts").GetProperty("No").GetInt32().ShouldBe(members / 2);
        tally.GetProperty("counts").GetProperty("Yes").GetInt32().ShouldBe(members / 2);
        foreach (var client in clients)
        {
            client.Dispose();
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_close_racing_many_votes_counts_each_vote_answered_before_it_and_refuses_every_later_one(bool secretBallot)
    {
        const int members = 24;
        var prefix = secretBallot ? "races" : "raceo";
        var council = await _alpha.CouncilAsync(prefix, Enumerable.Range(0, members).Select(_ => ("CommunityMember", true)).ToArray());
        var id = (await _alpha.DecisionAsync(council.Id, new { method = "YesNo", quorum = 0.1, threshold = "SimpleMajority", secretBallot })).GetProperty("id").GetGuid();
        var clients = await Task.WhenAll(council.Members.Select(m => app.ClientAsync("alpha", m.UserName)));
        using var admin = await _alpha.AdminAsync();
        var path = $"/api/governance/decisions/{id}/my-vote";

        // Every member votes again and again, changing their choice each time, until a vote is refused; the close
        // comes while the votes are flowing.
        var flowing = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var answered = 0;
        async Task<List<(string Choice, HttpResponseMessage Answer)>> VoteUntilRefusedAsync(HttpClient client, int n)
        {
            var votes = new List<(string, HttpResponseMessage)>();
            for (var i = 0; i < 1000; i++)
            {
                var choice = (i + n) % 2 == 0 ? "Yes" : "No";
                var answer = await client.PutAsJsonAsync(path, new { choice });
                votes.Add((choice, answer));
                if (Interlocked.Increment(ref answered) == members * 2)
                {
                    flowing.TrySetResult();
                }

                if (answer.StatusCode != HttpStatusCode.OK)
                {
                    break;
                }
            }

            return votes;
        }

        var voting = clients.Select(VoteUntilRefusedAsync).ToList();
        await flowing.Task;
        var tally = await (await admin.PostAsync($"/api/governance/decisions/{id}/close-voting", null)).ReadJsonAsync();
        var logs = await Task.WhenAll(voting);

        // Each member's votes: accepted ones, then exactly one refusal with the existing code, nothing else.
        var lastAccepted = new Dictionary<Guid, string>();
        for (var n = 0; n < members; n++)
        {
            var log = logs[n];
            log.SkipLast(1).ShouldAllBe(v => v.Answer.StatusCode == HttpStatusCode.OK);
            await log[^1].Answer.ShouldBeProblemAsync(HttpStatusCode.Conflict, "Governance:VotingClosed");
            if (log.Count > 1)
            {
                lastAccepted[council.Members[n].UserId] = log[^2].Choice;
            }
        }

        lastAccepted.Count.ShouldBeGreaterThan(0);
        // The frozen tally is exactly the last accepted vote of every member who had one: nothing answered 200 was
        // left out, nothing refused got in.
        tally.GetProperty("cast").GetInt32().ShouldBe(lastAccepted.Count);
        tally.GetProperty("counts").GetProperty("Yes").GetInt32().ShouldBe(lastAccepted.Values.Count(c => c == "Yes"));
        tally.GetProperty("counts").GetProperty("No").GetInt32().ShouldBe(lastAccepted.Values.Count(c => c == "No"));
        // And nothing was stored after the close: the stored ballots still recount to it.
        (await _alpha.TallyAsync(id, recount: true)).GetRawText().ShouldBe(tally.GetRawText());

        await using var sql = new NpgsqlConnection(app.ConnectionString);
        await sql.OpenAsync();
        (await RowsAsync(sql, "SELECT user_id::text, '' FROM governance.ballot_participations WHERE decision_id = @id", id)).Select(r => Guid.Parse(r[0]))
            .Order().ShouldBe(lastAccepted.Keys.Order());
        var ballots = await RowsAsync(sql, "SELECT coalesce(voter_user_id::text, ''), content_json ->> 'choice' FROM governance.ballots WHERE decision_id = @id", id);
        ballots.Count.ShouldBe(lastAccepted.Count);
        if (secretBallot)
        {
            ballots.ShouldAllBe(b => b[0] == string.Empty);
        }
        else
        {
            // The choice is stored as the enum's number or its name, depending on the serializer's settings.
            ballots.ToDictionary(b => Guid.Parse(b[0]), b => b[1] switch { "0" or "Yes" => "Yes", "1" or "No" => "No", var other => other })
                .OrderBy(b => b.Key).ShouldBe(lastAccepted.OrderBy(b => b.Key));
        }

        foreach (var client in clients)
        {
            client.Dispose();
        }
    }
}
