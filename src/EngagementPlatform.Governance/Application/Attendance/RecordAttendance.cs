using EngagementPlatform.Framework.Exceptions;
using EngagementPlatform.Framework.Permissions;
using EngagementPlatform.Framework.Timing;
using EngagementPlatform.Framework.Users;
using EngagementPlatform.Governance.Application.Meetings;
using EngagementPlatform.Governance.Persistence;
using EngagementPlatform.Identity;
using FluentValidation;
using Mediator;

namespace EngagementPlatform.Governance.Application.Attendance;

public sealed record AttendanceEntry(Guid UserId, bool Attended);

/// <summary>Marks who was at a meeting; people newly present (or corrected to absent) are announced to other modules.</summary>
public sealed record RecordAttendanceCommand(Guid CouncilId, Guid MeetingId, IReadOnlyList<AttendanceEntry> Entries) : ICommand<MeetingDto>;

public sealed class RecordAttendanceValidator : AbstractValidator<RecordAttendanceCommand>
{
    public RecordAttendanceValidator() => RuleFor(c => c.Entries).NotNull().Must(e => e is null || e.Count <= 500);
}

public sealed class RecordAttendanceHandler(IGovernanceDbContext db, IClock clock, IUserDirectory users, ICurrentUser currentUser, IPermissionChecker permissions)
    : ICommandHandler<RecordAttendanceCommand, MeetingDto>
{
    public async ValueTask<MeetingDto> Handle(RecordAttendanceCommand command, CancellationToken cancellationToken)
    {
        var meeting = await db.LoadMeetingAsync(command.CouncilId, command.MeetingId, cancellationToken);
        var ids = command.Entries.Select(e => e.UserId).Distinct().ToList();
        var known = await users.FindAsync(ids, cancellationToken);
        var unknown = ids.Where(id => !known.ContainsKey(id)).ToList();
        if (unknown.Count > 0)
        {
            throw new FieldValidationException(GovernanceErrorCodes.UnknownUser, new Dictionary<string, string[]>
            {
                ["entries"] = unknown.Select(id => $"There is no user {id} in this partnership.").ToArray(),
            });
        }

        meeting.RecordAttendance(command.Entries.Select(e => (e.UserId, e.Attended)).ToList(), clock.Now);
        return await db.MeetingDtoAsync(meeting, users, permissions, currentUser, cancellationToken);
    }
}
