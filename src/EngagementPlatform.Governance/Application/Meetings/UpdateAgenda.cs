using EngagementPlatform.Framework.Permissions;
using EngagementPlatform.Framework.Users;
using EngagementPlatform.Governance.Persistence;
using EngagementPlatform.Identity;
using FluentValidation;
using Mediator;

namespace EngagementPlatform.Governance.Application.Meetings;

/// <summary>Replaces the meeting's agenda.</summary>
public sealed record UpdateAgendaCommand(Guid CouncilId, Guid MeetingId, IReadOnlyList<AgendaItemRequest> Agenda) : ICommand<MeetingDto>;

public sealed class UpdateAgendaValidator : AbstractValidator<UpdateAgendaCommand>
{
    public UpdateAgendaValidator()
    {
        RuleFor(c => c.Agenda).NotNull().Must(a => a is null || a.Count <= 100);
        RuleForEach(c => c.Agenda).ChildRules(MeetingReads.AgendaRules);
    }
}

public sealed class UpdateAgendaHandler(IGovernanceDbContext db, IUserDirectory users, ICurrentUser currentUser, IPermissionChecker permissions)
    : ICommandHandler<UpdateAgendaCommand, MeetingDto>
{
    public async ValueTask<MeetingDto> Handle(UpdateAgendaCommand command, CancellationToken cancellationToken)
    {
        var meeting = await db.LoadMeetingAsync(command.CouncilId, command.MeetingId, cancellationToken);
        meeting.Agenda = await db.AgendaAsync(command.Agenda, cancellationToken);
        return await db.MeetingDtoAsync(meeting, users, permissions, currentUser, cancellationToken);
    }
}
