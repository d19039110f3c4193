using System.Linq.Expressions;
using EngagementPlatform.Framework.Data;
using EngagementPlatform.Notifications.Persistence;
using EngagementPlatform.Notifications.Templates;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.Notifications.Application.Templates;

public sealed record GetTemplatesQuery(PageRequest Page) : IQuery<PagedResult<TemplateDto>>;

/// <summary>
/// Every template any module registered, in each language, with the partnership's override where it has one. The
/// catalogue is in memory, so the list sends one statement whatever the page size: the partnership's overrides, at
/// most one per template and language (unique index <c>(tenant_id, name, culture)</c>), all of whose columns the list shows.
/// </summary>
public sealed class GetTemplatesHandler(INotificationsDbContext db, EmailTemplateStore store) : IQueryHandler<GetTemplatesQuery, PagedResult<TemplateDto>>
{
    /// <summary>The fields a client may sort templates by; the default is <c>name</c> (then language).</summary>
    public static readonly IReadOnlyDictionary<string, Expression<Func<TemplateDto, object?>>> Sorting = new Dictionary<string, Expression<Func<TemplateDto, object?>>>
    {
        ["name"] = t => t.Name,
        ["culture"] = t => t.Culture,
        ["isOverride"] = t => t.IsOverride,
        ["subject"] = t => t.Subject,
    };

    public async ValueTask<PagedResult<TemplateDto>> Handle(GetTemplatesQuery query, CancellationToken cancellationToken)
    {
        var overrides = await db.EmailTemplateOverrides.AsNoTracking().ToListAsync(cancellationToken);
        var all = store.All.SelectMany(definition =>
        {
            var fields = EmailTemplateStore.Fields(definition);
            return definition.Texts.Select(text =>
                overrides.FirstOrDefault(o => o.Name == definition.Name && o.Culture == text.Key) is { } custom
                    ? TemplateDtos.From(custom, fields)
                    : new TemplateDto(null, definition.Name, text.Key, false, text.Value.Subject, text.Value.Text, text.Value.Html, fields));
        }).ToList();
        var page = all.AsQueryable().OrderBySorting(query.Page.Sorting, Sorting, "name")
            .ThenBy(t => t.Name, StringComparer.Ordinal).ThenBy(t => t.Culture, StringComparer.Ordinal)
            .Skip(query.Page.Skip).Take(query.Page.Take).ToList();
        return new PagedResult<TemplateDto>(all.Count, page);
    }
}
