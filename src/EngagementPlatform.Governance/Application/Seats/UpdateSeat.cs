using EngagementPlatform.Governance.Domain;
using EngagementPlatform.Governance.Persistence;
using FluentValidation;
using Mediator;

namespace EngagementPlatform.Governance.Application.Seats;

/// <summary>Changes a seat's title, category, vote and role; its holders stay.</summary>
public sealed record UpdateSeatCommand(Guid CouncilId, Guid SeatId, string Title, SeatCategory? Category, bool? IsVoting, SeatRole? Role) : ICommand, ISeatFields;

public sealed class UpdateSeatValidator : AbstractValidator<UpdateSeatCommand>
{
    public UpdateSeatValidator() => Include(new SeatFieldsValidator());
}

public sealed class UpdateSeatHandler(IGovernanceDbContext db) : ICommandHandler<UpdateSeatCommand>
{
    public async ValueTask<Unit> Handle(UpdateSeatCommand command, CancellationToken cancellationToken)
    {
        var council = await db.LoadCouncilAsync(command.CouncilId, cancellationToken);
        var seat = council.FindSeat(command.SeatId);
        seat.Title = command.Title.Trim();
        seat.Category = command.Category!.Value;
        seat.IsVoting = command.IsVoting!.Value;
        seat.Role = command.Role ?? seat.Role;
        return Unit.Value;
    }
}
