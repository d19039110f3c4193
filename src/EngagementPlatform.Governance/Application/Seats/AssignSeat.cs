using EngagementPlatform.Framework.Application;
using EngagementPlatform.Framework.Exceptions;
using EngagementPlatform.Governance.Persistence;
using EngagementPlatform.Identity;
using FluentValidation;
using Mediator;

namespace EngagementPlatform.Governance.Application.Seats;

public sealed record AssignSeatCommand(Guid CouncilId, Guid SeatId, Guid UserId, DateOnly TermStart, DateOnly? TermEnd) : ICommand<CreatedId>;

public sealed class AssignSeatValidator : AbstractValidator<AssignSeatCommand>
{
    // Left out, the start would bind as 0001-01-01: an open-ended term from the year 1 that blocks the seat and the person.
    public AssignSeatValidator() => RuleFor(c => c.TermStart).NotEmpty().WithMessage(GovernanceTexts.TermStartRequired);
}

public sealed class AssignSeatHandler(IGovernanceDbContext db, IUserDirectory users) : ICommandHandler<AssignSeatCommand, CreatedId>
{
    public async ValueTask<CreatedId> Handle(AssignSeatCommand command, CancellationToken cancellationToken)
    {
        var council = await db.LoadCouncilAsync(command.CouncilId, cancellationToken);
        council.FindSeat(command.SeatId);
        var user = (await users.FindAsync([command.UserId], cancellationToken)).GetValueOrDefault(command.UserId);
        if (user is not { IsActive: true })
        {
            throw new FieldValidationException(GovernanceErrorCodes.UnknownUser, new Dictionary<string, string[]>
            {
                ["userId"] = ["There is no active user with this id in this partnership."],
            });
        }

        var assignment = council.Assign(command.SeatId, command.UserId, command.TermStart, command.TermEnd);
        return new CreatedId(assignment.Id);
    }
}
