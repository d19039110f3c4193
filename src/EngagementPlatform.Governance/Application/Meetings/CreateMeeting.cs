using EngagementPlatform.Framework.Application;
using EngagementPlatform.Framework.Exceptions;
using EngagementPlatform.Governance.Domain.Meetings;
using EngagementPlatform.Governance.Persistence;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.Governance.Application.Meetings;

public sealed record CreateMeetingCommand(Guid CouncilId, MeetingRequest Meeting) : ICommand<CreatedId>;

public sealed class CreateMeetingValidator : AbstractValidator<CreateMeetingCommand>
{
    public CreateMeetingValidator()
    {
        RuleFor(c => c.Meeting.Title).NotEmpty().MaximumLength(300).OverridePropertyName("title");
        // Left out, the start would bind as 0001-01-01 and the meeting would be stored in the year 1.
        RuleFor(c => c.Meeting.StartsAt).NotEmpty().WithMessage(GovernanceTexts.MeetingStartRequired).OverridePropertyName("startsAt");
        RuleFor(c => c.Meeting.DurationMinutes).InclusiveBetween(1, 24 * 60).OverridePropertyName("durationMinutes");
        RuleFor(c => c.Meeting.Location).MaximumLength(500).OverridePropertyName("location");
        RuleFor(c => c.Meeting.Agenda).Must(a => a is null || a.Count <= 100).OverridePropertyName("agenda");
        RuleForEach(c => c.Meeting.Agenda).ChildRules(MeetingReads.AgendaRules).OverridePropertyName("agenda");
    }
}

public sealed class CreateMeetingHandler(IGovernanceDbContext db) : ICommandHandler<CreateMeetingCommand, CreatedId>
{
    public async ValueTask<CreatedId> Handle(CreateMeetingCommand command, CancellationToken cancellationToken)
    {
        if (!await db.Councils.AnyAsync(c => c.Id == command.CouncilId, cancellationToken))
        {
            throw new EntityNotFoundException("Council", command.CouncilId);
        }

        var request = command.Meeting;
        var meeting = new Meeting(Guid.CreateVersion7(), command.CouncilId, request.Title.Trim(), request.StartsAt, request.DurationMinutes)
        {
            Location = request.Location?.Trim(),
            Agenda = await db.AgendaAsync(request.Agenda ?? [], cancellationToken),
        };
        db.Meetings.Add(meeting);
        return new CreatedId(meeting.Id);
    }
}
