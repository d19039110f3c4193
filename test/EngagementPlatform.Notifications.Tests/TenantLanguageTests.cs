using EngagementPlatform.Notifications.Tests.Support;
namespace EngagementPlatform.Notifications.Tests;

public sealed class TenantLanguageTests(MailFixture app) : IClassFixture<MailFixture>
{
    [Fact]
    public async Task Someone_from_the_public_hears_back_in_the_partnership_s_default_language()
    {
        var tenant = Scenario.Unique("habla");
        await app.CreateTenantAsync(tenant);
        using (var admin = await app.ClientAsync(tenant, "admin"))
        {
            await (await admin.PutAsJsonAsync("/api/saas/my-tenant", new { defaultLanguage = "es" })).ShouldBeSuccessAsync();
        }

        var scenario = new Scenario(app, tenant);
        var voter = await scenario.UserAsync("votante", language: "en");
        var council = await scenario.CouncilAsync("Consejo", voter);
        var (decision, token) = await scenario.DecisionAsync(council, "Horario del sábado", allowPublicInput: true);
        await scenario.OpenInputAsync(decision);
        var email = $"{Scenario.Unique("rosa")}@example.org";
        var input = await scenario.PublicInputAsync(token!, "Abran también los domingos.", "Rosa", email);
        await scenario.OpenVotingAsync(decision);
        await scenario.VoteAsync("votante", decision);
        await scenario.CloseVotingAsync(decision);
        await (await scenario.RecordAsync(decision, "Se abre los sábados.", "Hay personal.", (input, "NotAdopted", "No hay personal los domingos."))).ShouldBeSuccessAsync();
        await app.DeliverAsync();

        var received = MailSink.To(email).Where(m => m.Header("X-EngagementPlatform-Category") == "FeedbackLoop").ToList();
        received.Count.ShouldBe(1);
        received[0].Title().ShouldBe("Qué pasó con su aporte: Horario del sábado");
        received[0].Text().ShouldContain("Esta vez no se adoptó. No hay personal los domingos.");

        // The member chose English, which wins over the partnership's default.
        var member = MailSink.To(scenario.Email("votante")).Where(m => m.Title().Contains("Horario del sábado", StringComparison.Ordinal)).ToList();
        member.ShouldContain(m => m.Title() == "What came of your input: Horario del sábado");
    }
}
