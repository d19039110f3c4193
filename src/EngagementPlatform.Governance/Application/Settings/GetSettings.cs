using EngagementPlatform.Governance.Persistence;
using Mediator;

namespace EngagementPlatform.Governance.Application.Settings;

public sealed record SettingsDto(int CloseTheLoopDays);

public sealed record GetSettingsQuery : IQuery<SettingsDto>;

public sealed class GetSettingsHandler(IGovernanceDbContext db) : IQueryHandler<GetSettingsQuery, SettingsDto>
{
    public async ValueTask<SettingsDto> Handle(GetSettingsQuery query, CancellationToken cancellationToken)
        => new(await db.CloseTheLoopDaysAsync(cancellationToken));
}
