using EngagementPlatform.Notifications.Tests.Support;
using MimeKit;
using Xunit.Abstractions;

namespace EngagementPlatform.Notifications.Tests;

/// <summary>The close-the-loop emails as the real SMTP server received them.</summary>
public sealed class DecisionFeedbackTests(MailFixture app, ITestOutputHelper output) : IClassFixture<MailFixture>
{
    private readonly Scenario _alpha = new(app);

    [Fact]
    public async Task A_recorded_decision_sends_one_email_per_person_in_their_language_with_only_their_own_inputs()
    {
        var p = Scenario.Unique("fb");
        var title = $"Saturday clinic {p}";
        // c1 gives two inputs and votes; c2 (Spanish) gives one and votes; c3 (Spanish) gives one and holds no seat;
        // v3..v5 only vote; nv holds a voting seat but never votes; a member of the public gives input by the link.
        var names = new[] { $"{p}-c1", $"{p}-c2", $"{p}-c3", $"{p}-v3", $"{p}-v4", $"{p}-v5", $"{p}-nv" };
        var (c1, c2, c3, v3, v4, v5, nv) = (names[0], names[1], names[2], names[3], names[4], names[5], names[6]);
        var languages = new Dictionary<string, string> { [c2] = "es", [c3] = "es" };
        var ids = new Dictionary<string, Guid>();
        foreach (var name in names)
        {
            ids[name] = await _alpha.UserAsync(name, languages.GetValueOrDefault(name, "en"));
        }

        var publicEmail = $"{p}-rosa@example.org";
        var everyone = names.Select(_alpha.Email).Append(publicEmail).ToArray();
        var council = await _alpha.CouncilAsync($"{p} council", ids[c1], ids[c2], ids[v3], ids[v4], ids[v5], ids[nv]);
        var (decisionId, token) = await _alpha.DecisionAsync(council, title, allowPublicInput: true);
        await _alpha.OpenInputAsync(decisionId);

        var inputs = new List<(Guid Id, string Author, string Text, string Use, string Explanation)>();
        async Task Give(string author, string text, string use, string explanation)
        {
            var id = author == "public" ? await _alpha.PublicInputAsync(token!, text, "Rosa", publicEmail) : await _alpha.InputAsync(author, decisionId, text);
            inputs.Add((id, author, text, use, explanation));
        }

        await Give(c1, $"Open on Saturdays {p}", "Adapted", $"Mornings only for now {p}");
        await Give(c1, $"Add evening hours {p}", "NotAdopted", $"No evening staff this year {p}");
        await Give(c2, $"Abrir los domingos {p}", "NotAdopted", $"El presupuesto no alcanza {p}");
        await Give(c3, $"Servicio de intérprete {p}", "Adopted", $"Habrá intérprete los sábados {p}");
        await Give("public", $"A bus stop nearby {p}", "Adopted", $"The city agreed to move the stop {p}");

        // Voting opened: every eligible voter (six seats) is told, once, as essential mail that says why.
        await _alpha.OpenVotingAsync(decisionId);
        (await app.DeliverAsync()).ShouldBeGreaterThanOrEqualTo(6);
        var voterNames = new[] { c1, c2, v3, v4, v5, nv };
        var opened = MailSink.To(everyone).Where(m => m.Header("X-EngagementPlatform-Category") == "Essential" && !m.Title().StartsWith("Confirm your email", StringComparison.Ordinal)).ToList();
        opened.Select(m => m.Recipient()).OrderBy(a => a).ShouldBe(voterNames.Select(_alpha.Email).OrderBy(a => a));
        foreach (var message in opened)
        {
            var spanish = message.Recipient() == _alpha.Email(c2);
            message.Title().ShouldBe(spanish ? $"Su votación está abierta: {title}" : $"Your vote is open: {title}");
            message.Text().ShouldContain(spanish ? "Por qué recibe este correo: usted ocupa un puesto con voto" : "Why you got this email: you hold a voting seat");
            message.Html().ShouldContain(spanish ? "Por qué recibe este correo" : "Why you got this email");
            message.Headers.Contains(HeaderId.ListUnsubscribe).ShouldBeFalse();
            message.Headers.Contains(HeaderId.ListUnsubscribePost).ShouldBeFalse();
            message.Text().ShouldNotContain("/api/notifications/unsubscribe/");
        }

        foreach (var voter in new[] { c1, c2, v3, v4, v5 })
        {
            await _alpha.VoteAsync(voter, decisionId, voter == v5 ? "No" : "Yes");
        }

        await _alpha.CloseVotingAsync(decisionId);

        // A refused record writes nothing: the outbox rows commit with the decision or not at all.
        await (await _alpha.RecordAsync(decisionId, "x", "y", inputs.Where(i => i.Author != c3).Select(i => (i.Id, i.Use, i.Explanation)).ToArray()))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "Governance:InputsNotAnswered");
        (await _alpha.OutboxAsync()).Where(r => r.Template == "decision-decided" && everyone.Contains(r.ToEmail)).ShouldBeEmpty();
        (await app.DeliverAsync()).ShouldBe(0);

        var outcome = $"The clinic opens Saturday mornings from March {p}.";
        var rationale = $"Members work on weekdays {p}.";
        await (await _alpha.RecordAsync(decisionId, outcome, rationale, inputs.Select(i => (i.Id, i.Use, i.Explanation)).ToArray())).ShouldBeSuccessAsync();
        var rows = (await _alpha.OutboxAsync()).Where(r => r.Template == "decision-decided" && everyone.Contains(r.ToEmail)).ToList();
        rows.Count.ShouldBe(7);
        rows.ShouldAllBe(r => r.Status == "Pending" && r.Category == "FeedbackLoop");

        var sent = await app.DeliverAsync();
        sent.ShouldBeGreaterThanOrEqualTo(7);
        var decided = MailSink.To(everyone).Where(m => m.Header("X-EngagementPlatform-Category") == "FeedbackLoop").ToList();
        var perPerson = decided.GroupBy(m => m.Recipient()).ToDictionary(g => g.Key, g => g.Count());
        output.WriteLine($"eligible voters: 6, voters: 5, member contributors: 3 (inputs: 4), public contributors: 1 (inputs: 1)");
        output.WriteLine($"voting-opened messages received: {opened.Count} for {opened.Select(m => m.Recipient()).Distinct().Count()} people");
        output.WriteLine($"decision messages received: {decided.Count} for {perPerson.Count} distinct people; most to one person: {perPerson.Values.DefaultIfEmpty().Max()}");
        output.WriteLine($"  Spanish: {decided.Count(m => m.Title().StartsWith("Qué pasó", StringComparison.Ordinal))}, English: {decided.Count(m => m.Title().StartsWith("What came", StringComparison.Ordinal))}");

        // Exactly one per distinct person: 3 member contributors + 5 voters - 2 who did both + 1 from the public.
        var expected = new[] { c1, c2, c3, v3, v4, v5 }.Select(_alpha.Email).Append(publicEmail).OrderBy(a => a).ToList();
        decided.Count.ShouldBe(7);
        perPerson.Keys.OrderBy(a => a).ShouldBe(expected);
        perPerson.Keys.ShouldNotContain(_alpha.Email(nv));

        foreach (var message in decided)
        {
            var who = message.Recipient() == publicEmail ? "public" : names.Single(n => _alpha.Email(n) == message.Recipient());
            var spanish = languages.GetValueOrDefault(who) == "es";
            message.Title().ShouldBe(spanish ? $"Qué pasó con su aporte: {title}" : $"What came of your input: {title}");
            var text = message.Text();
            var html = WebUtility.HtmlDecode(message.Html());
            text.ShouldContain(outcome);
            text.ShouldContain(rationale);
            html.ShouldContain(outcome);
            foreach (var input in inputs)
            {
                if (input.Author == who)
                {
                    text.ShouldContain(input.Text);
                    text.ShouldContain(input.Explanation);
                    html.ShouldContain(input.Explanation);
                }
                else
                {
                    text.ShouldNotContain(input.Text);
                    text.ShouldNotContain(input.Explanation);
                    html.ShouldNotContain(input.Text);
                }
            }

            var voted = new[] { c1, c2, v3, v4, v5 }.Contains(who);
            text.Contains(spanish ? "Gracias por votar." : "Thank you for voting.").ShouldBe(voted, who);

            // One-click unsubscribe (RFC 8058) and a Message-ID that names the outbox row.
            var row = rows.Single(r => r.ToEmail == message.Recipient());
            row.Culture.ShouldBe(spanish ? "es" : "en");
            message.MessageId.ShouldBe($"{row.Id:N}@{MailFixture.FromDomain}");
            message.Header(HeaderId.MessageId).Trim().ShouldBe($"<{row.Id:N}@{MailFixture.FromDomain}>");
            message.Header(HeaderId.ListUnsubscribe).ShouldStartWith($"<{MailFixture.PublicUrl}/api/notifications/unsubscribe/");
            message.Header(HeaderId.ListUnsubscribe).ShouldEndWith(">");
            message.Header(HeaderId.ListUnsubscribePost).ShouldBe("List-Unsubscribe=One-Click");
            text.ShouldNotContain(spanish ? "Por qué recibe este correo" : "Why you got this email");
        }

        // c1 gets one email for two inputs, with both listed.
        decided.Single(m => m.Recipient() == _alpha.Email(c1)).Text().ShouldContain("You shared 2 ideas.");
        decided.Single(m => m.Recipient() == _alpha.Email(c3)).Text().ShouldContain("Habrá intérprete los sábados");
        decided.Single(m => m.Recipient() == publicEmail).Text().ShouldContain("Hello Rosa,");

        (await _alpha.OutboxAsync()).Where(r => everyone.Contains(r.ToEmail)).ShouldAllBe(r => r.Status == "Sent");
        (await app.DeliverAsync()).ShouldBe(0);
        // 6 voting-opened + 7 decided + the one confirmation the public contributor answered.
        MailSink.To(everyone).Count.ShouldBe(14);
    }
}
