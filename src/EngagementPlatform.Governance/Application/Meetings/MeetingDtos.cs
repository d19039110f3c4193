using EngagementPlatform.Governance.Domain.Meetings;

namespace EngagementPlatform.Governance.Application.Meetings;

public sealed record AgendaItemRequest(string Title, string? Notes, Guid? DecisionId);

public sealed record MeetingRequest(string Title, DateTimeOffset StartsAt, int DurationMinutes, string? Location, IReadOnlyList<AgendaItemRequest>? Agenda);

public sealed record AccessSupportDto(Guid Id, Guid? UserId, AccessSupportKind Kind, string? Language, string? Details, AccessSupportStatus Status)
{
    public static AccessSupportDto From(AccessSupport s) => new(s.Id, s.UserId, s.Kind, s.Language, s.Details, s.Status);
}

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
