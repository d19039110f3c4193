using System.Globalization;
using EngagementPlatform.Framework.Data;
using EngagementPlatform.Framework.Exceptions;
using EngagementPlatform.Framework.Localization;
using EngagementPlatform.Framework.MultiTenancy;
using EngagementPlatform.Framework.Permissions;
using Mediator;

namespace EngagementPlatform.Identity.Application.Roles;

public sealed record PermissionDto(string Name, string DisplayName);

/// <summary>The permissions a role on this side (host or partnership) may be granted, in the reader's language.</summary>
public sealed record GetPermissionDefinitionsQuery(string Language, PageRequest Page) : IQuery<PagedResult<PermissionDto>>;

public sealed class GetPermissionDefinitionsHandler(PermissionDefinitionManager definitions, ICurrentTenant currentTenant, ITextLocalizer texts)
    : IQueryHandler<GetPermissionDefinitionsQuery, PagedResult<PermissionDto>>
{
    /// <summary>The fields a client may sort permissions by (the catalogue's own order when none is given).</summary>
    public static readonly IReadOnlyList<string> SortKeys = ["name", "displayName"];

    public ValueTask<PagedResult<PermissionDto>> Handle(GetPermissionDefinitionsQuery query, CancellationToken cancellationToken)
    {
        var culture = CultureInfo.GetCultureInfo(query.Language);
        var all = definitions.ForSide(currentTenant.Id)
            .Select(d => new PermissionDto(d.Name, texts.Get(PermissionDefinitionManager.DisplayNameKey(d.Name), culture)))
            .ToList();
        IEnumerable<PermissionDto> sorted = all;
        if (!string.IsNullOrWhiteSpace(query.Page.Sorting))
        {
            var parts = query.Page.Sorting.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var key = SortKeys.FirstOrDefault(k => k.Equals(parts[0], StringComparison.OrdinalIgnoreCase));
            var direction = parts.Length > 1 ? parts[1] : "asc";
            var descending = direction.Equals("desc", StringComparison.OrdinalIgnoreCase);
            if (key is null || parts.Length > 2 || !(descending || direction.Equals("asc", StringComparison.OrdinalIgnoreCase)))
            {
                throw new InvalidRequestException(FrameworkErrorCodes.UnknownSortField)
                    .WithData("sorting", query.Page.Sorting.Trim())
                    .WithData("allowed", string.Join(", ", SortKeys));
            }

            Func<PermissionDto, string> selector = key == "name" ? p => p.Name : p => p.DisplayName;
            sorted = descending ? all.OrderByDescending(selector, StringComparer.Create(culture, false)) : all.OrderBy(selector, StringComparer.Create(culture, false));
        }

        // The catalogue is small and bounded (the modules' permission names): without maxResultCount it comes whole.
        var take = query.Page.MaxResultCount is null ? all.Count : query.Page.Take;
        return ValueTask.FromResult(new PagedResult<PermissionDto>(all.Count, sorted.Skip(query.Page.Skip).Take(take).ToList()));
    }
}
