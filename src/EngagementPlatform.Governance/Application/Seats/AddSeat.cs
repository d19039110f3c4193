using EngagementPlatform.Framework.Application;
using EngagementPlatform.Governance.Domain;
using EngagementPlatform.Governance.Persistence;
using FluentValidation;
using Mediator;

namespace EngagementPlatform.Governance.Application.Seats;

public sealed record AddSeatCommand(Guid CouncilId, string Title, SeatCategory? Category, bool? IsVoting, SeatRole? Role) : ICommand<CreatedId>, ISeatFields;

public sealed class AddSeatValidator : AbstractValidator<AddSeatCommand>
{
    public AddSeatValidator() => Include(new SeatFieldsValidator());
}

public sealed class AddSeatHandler(IGovernanceDbContext db) : ICommandHandler<AddSeatCommand, CreatedId>
{
    public async ValueTask<CreatedId> Handle(AddSeatCommand command, CancellationToken cancellationToken)
    {
        var council = await db.LoadCouncilAsync(command.CouncilId, cancellationToken);
        var seat = council.AddSeat(command.Title.Trim(), command.Category!.Value, command.IsVoting!.Value, command.Role ?? SeatRole.Member);
        return new CreatedId(seat.Id);
    }
}
