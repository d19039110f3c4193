using EngagementPlatform.Identity;
using EngagementPlatform.Framework.Data;
using EngagementPlatform.Framework.Exceptions;
using EngagementPlatform.Framework.Permissions;
using EngagementPlatform.Framework.Timing;
using EngagementPlatform.Framework.Users;
using EngagementPlatform.Governance.Application.Councils;
using EngagementPlatform.Governance.Domain.Meetings;
using EngagementPlatform.Governance.Persistence;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.Governance.Application.Meetings;

public sealed record AgendaItemRequest(string Title, string? Notes, Guid? DecisionId);

public sealed record MeetingRequest(string Title, DateTimeOffset StartsAt, int DurationMinutes, string? Location, IReadOnlyList<AgendaItemRequest>? Agenda);

public sealed record CreateMeetingCommand(Guid CouncilId, MeetingRequest Meeting) : ICommand<CreatedId>;

public sealed record UpdateAgendaCommand(Guid CouncilId, Guid MeetingId, IReadOnlyList<AgendaItemRequest> Agenda) : ICommand<MeetingDto>;

public sealed record AttendanceEntry(Guid UserId, bool Attended);

public sealed record RecordAttendanceCommand(Guid CouncilId, Guid MeetingId, IReadOnlyList<AttendanceEntry> Entries) : ICommand<MeetingDto>;

public sealed record AccessSupportRequest(AccessSupportKind Kind, string? Language, string? Details, Guid? UserId);

public sealed record RequestSupportCommand(Guid CouncilId, Guid MeetingId, AccessSupportRequest Support) : ICommand<AccessSupportDto>;

public sealed record SupportStatusRequest(AccessSupportStatus Status);

public sealed record SetSupportStatusCommand(Guid CouncilId, Guid MeetingId, Guid SupportId, AccessSupportStatus Status) : ICommand<AccessSupportDto>;

public sealed record GetMeetingsQuery(Guid CouncilId, PageRequest Page) : IQuery<PagedResult<MeetingDto>>;

public sealed record GetMeetingQuery(Guid CouncilId, Guid MeetingId) : IQuery<MeetingDto>;

public sealed record AccessSupportDto(Guid Id, Guid? UserId, AccessSupportKind Kind, string? Language, string? Details, AccessSupportStatus Status);

public sealed record AttendanceDto(Guid UserId, string Name, bool Attended);

public sealed record MeetingDto(
    Guid Id,
    Guid CouncilId,
    string Title,
    DateTimeOffset StartsAt,
    int DurationMinutes,
    string? Location,
    IReadOnlyList<AgendaItem> Agenda,
    IReadOnlyList<AccessSupportDto> AccessSupports,
    IReadOnlyList<AttendanceDto> Attendance,
    IReadOnlyList<Domain.Diversity.AggregateCell> AccessSupportCounts);

/// <summary>
/// Who sees which access-support requests: the meeting's managers see all of them, everyone else only their own.
/// Everyone sees how many of each kind were asked for, with counts under the council's minimum cell size withheld,
/// so a lone request for childcare cannot be traced back to a person.
/// </summary>
internal sealed record SupportView(bool SeesAll, Guid? Me, int MinimumCellSize);

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
        RuleForEach(c => c.Meeting.Agenda).ChildRules(AgendaRules).OverridePropertyName("agenda");
    }

    internal static void AgendaRules(InlineValidator<AgendaItemRequest> item)
    {
        item.RuleFor(i => i.Title).NotEmpty().MaximumLength(300);
        item.RuleFor(i => i.Notes).MaximumLength(4000);
    }
}

public sealed class UpdateAgendaValidator : AbstractValidator<UpdateAgendaCommand>
{
    public UpdateAgendaValidator()
    {
        RuleFor(c => c.Agenda).NotNull().Must(a => a is null || a.Count <= 100);
        RuleForEach(c => c.Agenda).ChildRules(CreateMeetingValidator.AgendaRules);
    }
}

public sealed class RecordAttendanceValidator : AbstractValidator<RecordAttendanceCommand>
{
    public RecordAttendanceValidator() => RuleFor(c => c.Entries).NotNull().Must(e => e is null || e.Count <= 500);
}

public sealed class RequestSupportValidator : AbstractValidator<RequestSupportCommand>
{
    public RequestSupportValidator()
    {
        RuleFor(c => c.Support.Kind).IsInEnum().OverridePropertyName("kind");
        RuleFor(c => c.Support.Language).MaximumLength(64).OverridePropertyName("language");
        RuleFor(c => c.Support.Details).MaximumLength(2000).OverridePropertyName("details");
        RuleFor(c => c.Support.Language).NotEmpty().When(c => c.Support.Kind == AccessSupportKind.Interpreter)
            .WithMessage(GovernanceTexts.InterpreterLanguageRequired).OverridePropertyName("language");
    }
}

public sealed class SetSupportStatusValidator : AbstractValidator<SetSupportStatusCommand>
{
    public SetSupportStatusValidator() => RuleFor(c => c.Status).IsInEnum();
}

public sealed class MeetingHandlers(IGovernanceDbContext db, IClock clock, IUserDirectory users, ICurrentUser currentUser, IPermissionChecker permissions)
    : ICommandHandler<CreateMeetingCommand, CreatedId>,
      ICommandHandler<UpdateAgendaCommand, MeetingDto>,
      ICommandHandler<RecordAttendanceCommand, MeetingDto>,
      ICommandHandler<RequestSupportCommand, AccessSupportDto>,
      ICommandHandler<SetSupportStatusCommand, AccessSupportDto>,
      IQueryHandler<GetMeetingsQuery, PagedResult<MeetingDto>>,
      IQueryHandler<GetMeetingQuery, MeetingDto>
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
            Agenda = await AgendaAsync(request.Agenda ?? [], cancellationToken),
        };
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedId(meeting.Id);
    }

    public async ValueTask<MeetingDto> Handle(UpdateAgendaCommand command, CancellationToken cancellationToken)
    {
        var meeting = await LoadAsync(command.CouncilId, command.MeetingId, cancellationToken);
        meeting.Agenda = await AgendaAsync(command.Agenda, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return await DtoAsync(meeting, cancellationToken);
    }

    public async ValueTask<MeetingDto> Handle(RecordAttendanceCommand command, CancellationToken cancellationToken)
    {
        var meeting = await LoadAsync(command.CouncilId, command.MeetingId, cancellationToken);
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
        await db.SaveChangesAsync(cancellationToken);
        return await DtoAsync(meeting, cancellationToken);
    }

    public async ValueTask<AccessSupportDto> Handle(RequestSupportCommand command, CancellationToken cancellationToken)
    {
        var meeting = await LoadAsync(command.CouncilId, command.MeetingId, cancellationToken);
        var request = command.Support;
        if (request.UserId is { } forUser && forUser != currentUser.Id)
        {
            // Asking on someone else's behalf is for the staff who run the meeting, and only for real people.
            if (!await permissions.IsGrantedAsync(GovernancePermissions.MeetingsManage, cancellationToken))
            {
                throw new NotPermittedException(FrameworkErrorCodes.Forbidden);
            }

            if (!(await users.FindAsync([forUser], cancellationToken)).ContainsKey(forUser))
            {
                throw new FieldValidationException(GovernanceErrorCodes.UnknownUser, new Dictionary<string, string[]>
                {
                    ["userId"] = ["There is no such person in this partnership."],
                });
            }
        }

        var support = meeting.RequestSupport(request.UserId ?? currentUser.Id, request.Kind, request.Language?.Trim(), request.Details?.Trim());
        await db.SaveChangesAsync(cancellationToken);
        return ToDto(support);
    }

    public async ValueTask<AccessSupportDto> Handle(SetSupportStatusCommand command, CancellationToken cancellationToken)
    {
        var meeting = await LoadAsync(command.CouncilId, command.MeetingId, cancellationToken);
        var support = meeting.SetSupportStatus(command.SupportId, command.Status);
        await db.SaveChangesAsync(cancellationToken);
        return ToDto(support);
    }

    public async ValueTask<PagedResult<MeetingDto>> Handle(GetMeetingsQuery query, CancellationToken cancellationToken)
    {
        if (!await db.Councils.AnyAsync(c => c.Id == query.CouncilId, cancellationToken))
        {
            throw new EntityNotFoundException("Council", query.CouncilId);
        }

        var meetings = db.Meetings.AsNoTracking().Where(m => m.CouncilId == query.CouncilId);
        var total = await meetings.LongCountAsync(cancellationToken);
        var page = await meetings.Include(m => m.Attendance).OrderByDescending(m => m.StartsAt)
            .Skip(query.Page.Skip).Take(query.Page.Take).ToListAsync(cancellationToken);
        var names = await users.FindAsync(page.SelectMany(m => m.Attendance.Select(a => a.UserId)).Distinct().ToList(), cancellationToken);
        var view = await SupportViewAsync(query.CouncilId, cancellationToken);
        return new PagedResult<MeetingDto>(total, page.Select(m => ToDto(m, names, view)).ToList());
    }

    public async ValueTask<MeetingDto> Handle(GetMeetingQuery query, CancellationToken cancellationToken)
        => await DtoAsync(await LoadAsync(query.CouncilId, query.MeetingId, cancellationToken), cancellationToken);

    private async Task<List<AgendaItem>> AgendaAsync(IReadOnlyList<AgendaItemRequest> items, CancellationToken cancellationToken)
    {
        var decisionIds = items.Where(i => i.DecisionId is not null).Select(i => i.DecisionId!.Value).Distinct().ToList();
        var found = await db.Decisions.Where(d => decisionIds.Contains(d.Id)).Select(d => d.Id).ToListAsync(cancellationToken);
        var missing = decisionIds.Except(found).ToList();
        if (missing.Count > 0)
        {
            throw new FieldValidationException(FrameworkErrorCodes.Validation, new Dictionary<string, string[]>
            {
                ["agenda"] = missing.Select(id => $"There is no decision {id}.").ToArray(),
            });
        }

        return items.Select(i => new AgendaItem(Guid.CreateVersion7(), i.Title.Trim(), i.Notes?.Trim(), i.DecisionId)).ToList();
    }

    private async Task<Meeting> LoadAsync(Guid councilId, Guid meetingId, CancellationToken cancellationToken)
        => await db.Meetings.Include(m => m.Attendance).FirstOrDefaultAsync(m => m.Id == meetingId && m.CouncilId == councilId, cancellationToken)
           ?? throw new EntityNotFoundException(nameof(Meeting), meetingId);

    private async Task<MeetingDto> DtoAsync(Meeting meeting, CancellationToken cancellationToken)
        => ToDto(
            meeting,
            await users.FindAsync(meeting.Attendance.Select(a => a.UserId).ToList(), cancellationToken),
            await SupportViewAsync(meeting.CouncilId, cancellationToken));

    private async Task<SupportView> SupportViewAsync(Guid councilId, CancellationToken cancellationToken)
    {
        var seesAll = await permissions.IsGrantedAsync(GovernancePermissions.MeetingsManage, cancellationToken);
        var min = await db.Councils.AsNoTracking().Where(c => c.Id == councilId).Select(c => (int?)c.MinimumCellSize).FirstOrDefaultAsync(cancellationToken);
        return new SupportView(seesAll, currentUser.Id, min ?? 5);
    }

    private static MeetingDto ToDto(Meeting m, IReadOnlyDictionary<Guid, UserInfo> names, SupportView view) => new(
        m.Id, m.CouncilId, m.Title, m.StartsAt, m.DurationMinutes, m.Location, m.Agenda,
        m.AccessSupports.Where(s => view.SeesAll || (s.UserId is not null && s.UserId == view.Me)).Select(ToDto).ToList(),
        m.Attendance.Select(a => new AttendanceDto(a.UserId, names.GetValueOrDefault(a.UserId)?.Name ?? string.Empty, a.Attended))
            .OrderBy(a => a.Name, StringComparer.CurrentCulture).ToList(),
        Domain.Diversity.SmallCellSuppression.Suppress(
            m.AccessSupports.GroupBy(s => s.Kind.ToString()).ToDictionary(g => g.Key, g => g.Count()),
            view.MinimumCellSize));

    private static AccessSupportDto ToDto(AccessSupport s) => new(s.Id, s.UserId, s.Kind, s.Language, s.Details, s.Status);
}
