using EngagementPlatform.Framework.Timing;
using EngagementPlatform.Governance.Persistence;
using Mediator;

namespace EngagementPlatform.Governance.Application.Seats;

/// <summary>Ends the seat's current term today (the holder steps down early).</summary>
public sealed record EndCurrentTermCommand(Guid CouncilId, Guid SeatId) : ICommand;

public sealed class EndCurrentTermHandler(IGovernanceDbContext db, ITenantCalendar calendar) : ICommandHandler<EndCurrentTermCommand>
{
    public async ValueTask<Unit> Handle(EndCurrentTermCommand command, CancellationToken cancellationToken)
    {
        var council = await db.LoadCouncilAsync(command.CouncilId, cancellationToken);
        council.EndCurrentTerm(command.SeatId, await calendar.TodayAsync(cancellationToken));
        return Unit.Value;
    }
}
