using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.SaaS.Webhooks;

/// <summary>
/// One Stripe event the webhook receiver has processed, by Stripe's event id (the primary key): a delivery of an id
/// already here is answered 200 and not processed again. Host-side data (events are the platform account's), written in
/// the same transaction as what the handlers changed, so an event counts as processed exactly when its effects are kept.
/// </summary>
public sealed class StripeWebhookEvent
{
    public const int MaxIdLength = 255;
    public const int MaxTypeLength = 100;

    private StripeWebhookEvent()
    {
    }

    public StripeWebhookEvent(string id, string type, DateTimeOffset created, DateTimeOffset receivedAt)
    {
        Id = id;
        Type = type;
        Created = created;
        ReceivedAt = receivedAt;
    }

    /// <summary>Stripe's event id, <c>evt_...</c>.</summary>
    public string Id { get; private set; } = string.Empty;

    public string Type { get; private set; } = string.Empty;

    /// <summary>When Stripe created the event (its <c>created</c>).</summary>
    public DateTimeOffset Created { get; private set; }

    public DateTimeOffset ReceivedAt { get; private set; }
}

/// <summary>The processed-events set; the application's one DbContext implements it.</summary>
public interface IStripeWebhookEventsDbContext
{
    DbSet<StripeWebhookEvent> StripeWebhookEvents { get; }

    Microsoft.EntityFrameworkCore.Infrastructure.DatabaseFacade Database { get; }
}

public static class StripeWebhookEventsModelBuilderExtensions
{
    public static void ConfigureStripeWebhookEvents(this ModelBuilder builder)
        => builder.Entity<StripeWebhookEvent>(b =>
        {
            b.ToTable("stripe_webhook_events", Persistence.SaasModelBuilderExtensions.Schema);
            b.HasKey(e => e.Id);
            b.Property(e => e.Id).HasMaxLength(StripeWebhookEvent.MaxIdLength);
            b.Property(e => e.Type).HasMaxLength(StripeWebhookEvent.MaxTypeLength).IsRequired();
        });
}
