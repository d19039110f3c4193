using EngagementPlatform.Compensation.Domain;
using EngagementPlatform.Compensation.Persistence;
using EngagementPlatform.Framework.Exceptions;
using EngagementPlatform.Framework.MultiTenancy;
using EngagementPlatform.Framework.Payments;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Stripe;

namespace EngagementPlatform.Compensation.Application.Payouts;

public sealed record StripeAccountDto(Guid PayeeId, string AccountId, StripeAccountStatus Status, bool DetailsSubmitted, bool ChargesEnabled,
    bool PayoutsEnabled, bool TransfersActive, string? DisabledReason, DateTimeOffset? LastEventAt);

public sealed record StripeOnboardingDto(string AccountId, string OnboardingUrl, StripeAccountStatus Status);

internal static class StripeAccountReads
{
    public static StripeAccountDto ToDto(this PayeeStripeAccount a) => new(a.PayeeId, a.StripeAccountId, a.Status, a.DetailsSubmitted, a.ChargesEnabled,
        a.PayoutsEnabled, a.TransfersActive, a.DisabledReason, a.LastEventAt);

    /// <summary>Applies a Stripe account object (from an API answer or an event) as of <paramref name="asOf"/>.</summary>
    public static bool Apply(this PayeeStripeAccount row, Account account, DateTimeOffset asOf) => row.Apply(
        account.DetailsSubmitted, account.ChargesEnabled, account.PayoutsEnabled, account.Capabilities?.Transfers == "active",
        account.Requirements?.DisabledReason, asOf);
}

/// <summary>
/// Gives a payee a Stripe Express connected account (once: the idempotency key is derived from the payee's id, so a
/// retry, or two clicks at once, get the same account) and a fresh onboarding link each time (links are single-use and
/// expire within minutes). <paramref name="AppBaseUrl"/> is the public address the link returns to.
/// </summary>
public sealed record StartStripeOnboardingCommand(Guid PayeeId, string AppBaseUrl) : ICommand<StripeOnboardingDto>;

public sealed class StartStripeOnboardingHandler(ICompensationDbContext db, ICompensationStripeDbContext stripeDb, StripeClientProvider stripe, ICurrentTenant currentTenant)
    : ICommandHandler<StartStripeOnboardingCommand, StripeOnboardingDto>
{
    public const string AccountPurpose = "connect-account";

    public async ValueTask<StripeOnboardingDto> Handle(StartStripeOnboardingCommand command, CancellationToken cancellationToken)
    {
        // Another partnership's (or no) payee is a 404 whether or not Stripe is configured here.
        var payee = await db.Payees.FirstOrDefaultAsync(p => p.Id == command.PayeeId, cancellationToken)
            ?? throw new EntityNotFoundException(nameof(Payee), command.PayeeId);
        var client = stripe.GetClient();
        var row = await stripeDb.PayeeStripeAccounts.FirstOrDefaultAsync(a => a.PayeeId == payee.Id, cancellationToken);
        if (row is null)
        {
            var account = await new AccountService(client).CreateAsync(new AccountCreateOptions
            {
                Type = "express",
                Capabilities = new AccountCapabilitiesOptions { Transfers = new AccountCapabilitiesTransfersOptions { Requested = true } },
                Metadata = new Dictionary<string, string>
                {
                    ["tenantId"] = currentTenant.Id?.ToString() ?? string.Empty,
                    ["payeeId"] = payee.Id.ToString(),
                },
            }, new RequestOptions { IdempotencyKey = StripeIdempotencyKey.For(AccountPurpose, payee.Id) }, cancellationToken);
            row = new PayeeStripeAccount(payee.Id, account.Id);
            row.Apply(account, new DateTimeOffset(DateTime.SpecifyKind(account.Created, DateTimeKind.Utc)));
            stripeDb.PayeeStripeAccounts.Add(row);
        }

        var back = $"{command.AppBaseUrl.TrimEnd('/')}/compensation/payees/{payee.Id}";
        var link = await new AccountLinkService(client).CreateAsync(new AccountLinkCreateOptions
        {
            Account = row.StripeAccountId,
            Type = "account_onboarding",
            RefreshUrl = $"{back}?stripe=refresh",
            ReturnUrl = $"{back}?stripe=return",
        }, cancellationToken: cancellationToken);
        return new StripeOnboardingDto(row.StripeAccountId, link.Url, row.Status);
    }
}

public sealed record GetStripeAccountQuery(Guid PayeeId) : IQuery<StripeAccountDto>;

public sealed class GetStripeAccountHandler(ICompensationDbContext db, ICompensationStripeDbContext stripeDb) : IQueryHandler<GetStripeAccountQuery, StripeAccountDto>
{
    public async ValueTask<StripeAccountDto> Handle(GetStripeAccountQuery query, CancellationToken cancellationToken)
    {
        if (!await db.Payees.AnyAsync(p => p.Id == query.PayeeId, cancellationToken))
        {
            throw new EntityNotFoundException(nameof(Payee), query.PayeeId);
        }

        var row = await stripeDb.PayeeStripeAccounts.AsNoTracking().FirstOrDefaultAsync(a => a.PayeeId == query.PayeeId, cancellationToken)
            ?? throw new NotFoundException(CompensationErrorCodes.NoStripeAccount);
        return row.ToDto();
    }
}
