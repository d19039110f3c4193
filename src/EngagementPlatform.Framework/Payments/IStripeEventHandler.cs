using Stripe;

namespace EngagementPlatform.Framework.Payments;

/// <summary>
/// A module's handling of Stripe webhook events, registered in the container (<c>AddScoped&lt;IStripeEventHandler, ...&gt;</c>).
/// The one receiver (<c>POST /api/saas/stripe/webhook</c>) verifies a delivery, stores its event id once and calls every
/// handler whose <see cref="EventTypes"/> name the event's type, all inside one database transaction: a handler that
/// throws rolls the whole delivery back (the event is not marked processed) and Stripe delivers it again later.
/// </summary>
/// <remarks>
/// The receiver runs on the host side (no tenant): a handler finds the tenant the event belongs to from its own rows
/// (never from the event's metadata alone) and switches to it (<c>ICurrentTenant.Change</c>) before it reads or writes
/// tenant data. Stripe does not promise delivery order, so a handler decides from the object's own state (or the
/// event's <c>created</c> time) whether the event is newer than what it already knows, never from arrival order.
/// </remarks>
public interface IStripeEventHandler
{
    /// <summary>The event types (<c>transfer.reversed</c>, <c>account.updated</c>, ...) this handler acts on.</summary>
    IReadOnlyCollection<string> EventTypes { get; }

    Task HandleAsync(Event stripeEvent, CancellationToken cancellationToken);
}
