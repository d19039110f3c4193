using System.Linq.Expressions;
using EngagementPlatform.DataSharing.Domain;
using EngagementPlatform.DataSharing.Persistence;
using EngagementPlatform.Framework.Data;
using EngagementPlatform.Framework.Timing;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.DataSharing.Application.Register;

/// <summary>
/// One row of the register, straight from the agreement's summary columns. <see cref="DaysUntilEnd"/> counts from
/// today in the partnership's time zone to the end date (negative once it has passed), for an agreement that has not
/// ended (not Expired, Terminated or Superseded) and has an end date; null otherwise.
/// </summary>
public sealed record AgreementSummaryDto(
    Guid Id,
    string Title,
    AgreementState State,
    AgreementState? AmendmentState,
    DataSensitivity Sensitivity,
    string PartyNames,
    DateOnly EffectiveFrom,
    DateOnly? EffectiveTo,
    DateOnly? DestructionDate,
    int CurrentVersionNumber,
    int? DaysUntilEnd);

/// <summary>
/// The register's filters, from the query string: <paramref name="State"/> and <paramref name="Sensitivity"/> exactly;
/// <paramref name="Party"/> text in a party's name; <paramref name="Filter"/> text in the title or a party's name (both
/// case-insensitive, taken literally: % and _ match themselves); <paramref name="ExpiringWithinDays"/> N: active
/// agreements whose end date is between today and today + N days in the partnership's time zone.
/// </summary>
public sealed record AgreementRegisterFilter(
    AgreementState? State = null,
    DataSensitivity? Sensitivity = null,
    string? Party = null,
    string? Filter = null,
    int? ExpiringWithinDays = null);

public sealed record GetAgreementsQuery(PageRequest Page, AgreementRegisterFilter Filter) : IQuery<PagedResult<AgreementSummaryDto>>;

/// <summary>The register's filters and sort key, shared by the list and its CSV export.</summary>
public static class AgreementRegister
{
    /// <summary>The farthest ahead "expiring within N days" looks: ten years.</summary>
    public const int MaxExpiringWithinDays = 3650;

    /// <summary>The longest text the party and title filters take.</summary>
    public const int MaxFilterLength = 200;

    public const string DefaultSorting = "title";

    /// <summary>
    /// The fields a client may sort the register by; the default is <c>title</c> (then id). State sorts in lifecycle order
    /// (draft first), sensitivity from least to most sensitive, not alphabetically.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, Expression<Func<Agreement, object?>>> Sorting = new Dictionary<string, Expression<Func<Agreement, object?>>>
    {
        ["title"] = a => a.Title,
        ["state"] = a => a.State == AgreementState.Draft ? 0
            : a.State == AgreementState.InReview ? 1
            : a.State == AgreementState.Signed ? 2
            : a.State == AgreementState.Active ? 3
            : a.State == AgreementState.Expired ? 4
            : a.State == AgreementState.Terminated ? 5
            : 6,
        ["effectiveTo"] = a => a.EffectiveTo,
        ["sensitivity"] = a => a.Sensitivity == DataSensitivity.Public ? 0
            : a.Sensitivity == DataSensitivity.Deidentified ? 1
            : a.Sensitivity == DataSensitivity.LimitedDataSet ? 2
            : 3,
    };

    /// <summary>The agreements that match <paramref name="filter"/> (the tenant's only: the global filter applies).</summary>
    public static IQueryable<Agreement> Where(IQueryable<Agreement> agreements, AgreementRegisterFilter filter, DateOnly today)
    {
        if (filter.State is { } state)
        {
            agreements = agreements.Where(a => a.State == state);
        }

        if (filter.Sensitivity is { } sensitivity)
        {
            agreements = agreements.Where(a => a.Sensitivity == sensitivity);
        }

        if (!string.IsNullOrWhiteSpace(filter.Party))
        {
            var pattern = Contains(filter.Party);
            agreements = agreements.Where(a => EF.Functions.ILike(a.PartyNames, pattern, "\\"));
        }

        if (!string.IsNullOrWhiteSpace(filter.Filter))
        {
            var pattern = Contains(filter.Filter);
            agreements = agreements.Where(a => EF.Functions.ILike(a.Title, pattern, "\\") || EF.Functions.ILike(a.PartyNames, pattern, "\\"));
        }

        if (filter.ExpiringWithinDays is { } days)
        {
            var last = today.AddDays(days);
            agreements = agreements.Where(a => a.State == AgreementState.Active && a.EffectiveTo != null && a.EffectiveTo >= today && a.EffectiveTo <= last);
        }

        return agreements;
    }

    /// <summary>The page's order: the chosen key (refused with <c>Framework:UnknownSortField</c> when not allowed), then id.</summary>
    public static IOrderedQueryable<Agreement> Order(IQueryable<Agreement> agreements, string? sorting)
        => agreements.OrderBySorting(string.IsNullOrWhiteSpace(sorting) ? DefaultSorting : sorting, Sorting, DefaultSorting).ThenBy(a => a.Id);

    /// <summary>The columns a register row shows; <see cref="WithDaysUntilEnd"/> completes it.</summary>
    public static readonly Expression<Func<Agreement, AgreementSummaryDto>> Summary = a => new AgreementSummaryDto(
        a.Id, a.Title, a.State, a.AmendmentState, a.Sensitivity, a.PartyNames, a.EffectiveFrom, a.EffectiveTo, a.DestructionDate,
        a.CurrentVersionNumber, null);

    public static AgreementSummaryDto WithDaysUntilEnd(AgreementSummaryDto row, DateOnly today)
        => row with { DaysUntilEnd = DaysUntilEnd(row.State, row.EffectiveTo, today) };

    /// <summary>Days from <paramref name="today"/> to the end date of an agreement that has not ended; null when it has ended or has no end date.</summary>
    public static int? DaysUntilEnd(AgreementState state, DateOnly? effectiveTo, DateOnly today)
        => effectiveTo is { } end && state is not (AgreementState.Expired or AgreementState.Terminated or AgreementState.Superseded)
            ? end.DayNumber - today.DayNumber
            : null;

    /// <summary>An ILIKE pattern for "contains <paramref name="text"/>" with the wildcards and the escape character taken literally.</summary>
    public static string Contains(string text)
        => "%" + text.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
}

/// <summary>The register's filter rules (a 400 <c>Framework:ValidationFailed</c> naming the query parameter), for the list and the CSV.</summary>
public abstract class AgreementRegisterValidator<T> : AbstractValidator<T>
{
    protected AgreementRegisterValidator(Func<T, AgreementRegisterFilter> filter)
    {
        RuleFor(q => filter(q).ExpiringWithinDays).InclusiveBetween(0, AgreementRegister.MaxExpiringWithinDays)
            .OverridePropertyName("expiringWithinDays").WithMessage(DataSharingRegisterTexts.ExpiringWithinDaysRange);
        RuleFor(q => filter(q).Party).MaximumLength(AgreementRegister.MaxFilterLength)
            .OverridePropertyName("party").WithMessage(DataSharingRegisterTexts.FilterTooLong);
        RuleFor(q => filter(q).Filter).MaximumLength(AgreementRegister.MaxFilterLength)
            .OverridePropertyName("filter").WithMessage(DataSharingRegisterTexts.FilterTooLong);
        RuleFor(q => filter(q).State).IsInEnum().OverridePropertyName("state");
        RuleFor(q => filter(q).Sensitivity).IsInEnum().OverridePropertyName("sensitivity");
    }
}

public sealed class GetAgreementsValidator() : AgreementRegisterValidator<GetAgreementsQuery>(q => q.Filter);

/// <summary>
/// The register, as every list is built (docs/adding-a-module.md, "Lists"): two statements whatever the page size,
/// the count and the page, the page a projection of the agreement's summary columns. No version, signature or party
/// JSON is read. The default order (title, then id) walks the index <c>(tenant_id, title, id)</c>; "expiring within N
/// days" the index <c>(tenant_id, state, effective_to)</c>. Today (for that filter and <c>daysUntilEnd</c>) is the
/// partnership's date, from <see cref="ITenantCalendar"/>.
/// </summary>
public sealed class GetAgreementsHandler(IDataSharingDbContext db, ITenantCalendar calendar) : IQueryHandler<GetAgreementsQuery, PagedResult<AgreementSummaryDto>>
{
    public async ValueTask<PagedResult<AgreementSummaryDto>> Handle(GetAgreementsQuery query, CancellationToken cancellationToken)
    {
        var today = await calendar.TodayAsync(cancellationToken);
        var agreements = AgreementRegister.Where(db.Agreements.AsNoTracking(), query.Filter, today);
        // Ordered before the count: an unknown sort key is refused before anything is read.
        var ordered = AgreementRegister.Order(agreements, query.Page.Sorting);
        var total = await agreements.LongCountAsync(cancellationToken);
        var rows = await ordered
            .Skip(query.Page.Skip).Take(query.Page.Take)
            .Select(AgreementRegister.Summary)
            .ToListAsync(cancellationToken);
        return new PagedResult<AgreementSummaryDto>(total, rows.ConvertAll(r => AgreementRegister.WithDaysUntilEnd(r, today)));
    }
}
