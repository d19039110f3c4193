using EngagementPlatform.Framework.MultiTenancy;
using EngagementPlatform.Framework.UnitOfWork;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace EngagementPlatform.Notifications.Tests.Support;

/// <summary>
/// The mail fixture with one more module, as a future module would be added: it knows only Notifications.Contracts
/// and registers its own email template at start-up.
/// </summary>
public sealed class TestModuleMailFixture : MailFixture
{
    protected override void ConfigureServices(IServiceCollection services)
    {
        base.ConfigureServices(services);
        services.AddEmailTemplates<AgreementEmailTemplates>();
    }

    /// <summary>Queues one email as a command or job would: in a unit of work of <paramref name="tenantId"/>, committed.</summary>
    public async Task<bool> EnqueueAsync(Guid? tenantId, string to, AgreementReminderEmail model, string? deduplicationKey, Func<Task>? beforeCommit = null)
    {
        using var scope = Factory.Services.CreateScope();
        using var tenant = scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Change(tenantId);
        var unitOfWork = scope.ServiceProvider.GetRequiredService<IUnitOfWork>();
        await using var work = await unitOfWork.BeginAsync();
        var queued = await scope.ServiceProvider.GetRequiredService<IEmailOutbox>().EnqueueAsync(
            AgreementEmailTemplates.Reminder, new EmailRecipient(to, "Ana", "en", null), model, EmailCategory.Reminders, new EmailOptions(DeduplicationKey: deduplicationKey));
        if (beforeCommit is not null)
        {
            await beforeCommit();
        }

        await work.CompleteAsync();
        return queued;
    }

    /// <summary>Queues a batch in one call (<see cref="IEmailOutbox.EnqueueManyAsync"/>) in a unit of work of <paramref name="tenantId"/>, committed.</summary>
    public async Task<int> EnqueueManyAsync(Guid? tenantId, IEnumerable<(string To, string? Key)> emails, AgreementReminderEmail model)
    {
        using var scope = Factory.Services.CreateScope();
        using var tenant = scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Change(tenantId);
        var unitOfWork = scope.ServiceProvider.GetRequiredService<IUnitOfWork>();
        await using var work = await unitOfWork.BeginAsync();
        var queued = await scope.ServiceProvider.GetRequiredService<IEmailOutbox>().EnqueueManyAsync(
            [.. emails.Select(e => new QueuedEmail(AgreementEmailTemplates.Reminder, new EmailRecipient(e.To, "Ana", "en", null), model, EmailCategory.Reminders, new EmailOptions(DeduplicationKey: e.Key)))]);
        await work.CompleteAsync();
        return queued;
    }

    /// <summary>The outbox rows addressed to <paramref name="to"/>, whatever their partnership.</summary>
    public async Task<long> RowsToAsync(string to)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM notifications.outbox_messages WHERE to_email = @to", connection);
        command.Parameters.AddWithValue("to", to);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}

public enum AgreementStage
{
    Draft,
    AwaitingSignature,
    Signed,
}

/// <summary>The model of the test module's reminder: an enum, a nested object and a list.</summary>
public sealed record AgreementReminderEmail(AgreementInfo Agreement, IReadOnlyList<string> Signers) : EmailModel;

public sealed record AgreementInfo(string Title, AgreementStage Stage, decimal Amount);

/// <summary>A module's templates: English and Spanish, with the standard footer.</summary>
public sealed class AgreementEmailTemplates : IEmailTemplateProvider
{
    public const string Reminder = "test-agreement-reminder";

    public IEnumerable<EmailTemplateDefinition> Templates() =>
    [
        EmailTemplateDefinition.For(
            Reminder,
            new EmailTemplateText(
                "Agreement {{ agreement.title }} is {{ agreement.stage }}",
                "Hello {{ recipientName }}, {{ agreement.title }} is {% if agreement.stage == \"AwaitingSignature\" %}waiting for your signature{% else %}{{ agreement.stage }}{% endif %}." + EmailFooters.TextEn,
                "<p>Hello {{ recipientName }}, <strong>{{ agreement.title }}</strong> is {{ agreement.stage }}.</p>" + EmailFooters.HtmlEn),
            new EmailTemplateText(
                "El acuerdo {{ agreement.title }} está en {{ agreement.stage }}",
                "Hola {{ recipientName }}, {{ agreement.title }} {% if agreement.stage == \"AwaitingSignature\" %}espera su firma{% else %}está en {{ agreement.stage }}{% endif %}." + EmailFooters.TextEs,
                "<p>Hola {{ recipientName }}, <strong>{{ agreement.title }}</strong> está en {{ agreement.stage }}.</p>" + EmailFooters.HtmlEs),
            (culture, _) => new AgreementReminderEmail(new AgreementInfo(culture == "es" ? "Acuerdo de datos" : "Data agreement", AgreementStage.AwaitingSignature, 12.5m), ["Ana"])),
    ];
}
