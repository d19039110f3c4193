using EngagementPlatform.Governance.Application.Meetings;
using EngagementPlatform.Governance.Domain.Meetings;
using EngagementPlatform.Governance.Persistence;
using FluentValidation;
using Mediator;

namespace EngagementPlatform.Governance.Application.AccessSupports;

public sealed record SupportStatusRequest(AccessSupportStatus Status);

/// <summary>Staff mark a request provided or declined.</summary>
public sealed record SetSupportStatusCommand(Guid CouncilId, Guid MeetingId, Guid SupportId, AccessSupportStatus Status) : ICommand<AccessSupportDto>;

public sealed class SetSupportStatusValidator : AbstractValidator<SetSupportStatusCommand>
{
    public SetSupportStatusValidator() => RuleFor(c => c.Status).IsInEnum();
}

public sealed class SetSupportStatusHandler(IGovernanceDbContext db) : ICommandHandler<SetSupportStatusCommand, AccessSupportDto>
{
    public async ValueTask<AccessSupportDto> Handle(SetSupportStatusCommand command, CancellationToken cancellationToken)
    {
        var meeting = await db.LoadMeetingAsync(command.CouncilId, command.MeetingId, cancellationToken);
        return AccessSupportDto.From(meeting.SetSupportStatus(command.SupportId, command.Status));
    }
}
