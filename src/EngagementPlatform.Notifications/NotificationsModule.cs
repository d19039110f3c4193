using EngagementPlatform.Framework.Jobs;
using EngagementPlatform.Framework.Modularity;
using EngagementPlatform.Framework.Permissions;
using EngagementPlatform.Notifications.Http;
using EngagementPlatform.Notifications.Sending;
using EngagementPlatform.Notifications.Templates;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EngagementPlatform.Notifications;

/// <summary>The email outbox, its sender, templates, preferences and the close-the-loop emails.</summary>
public sealed class NotificationsModule : IModule
{
    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(NotificationsErrorCodes.Messages());
        services.AddSingleton(NotificationsTexts.Create());
        services.AddSingleton<IPermissionDefinitionProvider, NotificationsPermissionDefinitionProvider>();
        services.Configure<MailOptions>(configuration.GetSection("Smtp"));
        services.PostConfigure<MailOptions>(o => o.PublicUrl ??= configuration["App:SelfUrl"]);
        services.Configure<OutboxOptions>(configuration.GetSection("Notifications:Outbox"));
        services.AddSingleton<TemplateRenderer>();
        services.AddSingleton<EmailTemplateStore>();
        services.AddEmailTemplates<NotificationsEmailTemplates>();
        services.AddScoped<Application.Templates.TemplateChecks>();
        services.AddSingleton<MessageBuilder>();
        services.AddSingleton<IMailTransport, ConfiguredMailTransport>();
        services.AddScoped<UnsubscribeTokens>();
        services.AddScoped<EmailLocale>();
        services.AddScoped<IAppLinks>(sp => sp.GetRequiredService<EmailLocale>());
        services.AddScoped<IEmailOutbox, EmailOutbox>();
        services.AddScoped<OutboxDispatcher>();
        services.AddTransient<OutboxDispatchJob>();
        services.AddTransient<OutboxSweepJob>();
    }

    public void RegisterRecurringJobs(IRecurringJobs jobs)
    {
        jobs.Remove(OutboxSweepJob.LegacyRecurringJobId);
        jobs.AddOrUpdateForHost<OutboxSweepJob>(OutboxSweepJob.Module, OutboxSweepJob.Purpose, Hangfire.Cron.Minutely(), "Etc/UTC");
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapNotificationsEndpoints();
}
