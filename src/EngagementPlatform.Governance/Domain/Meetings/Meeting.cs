using EngagementPlatform.Framework.Domain;
using EngagementPlatform.Framework.Exceptions;
using EngagementPlatform.Framework.MultiTenancy;

namespace EngagementPlatform.Governance.Domain.Meetings;

public enum AccessSupportKind
{
    Interpreter,
    Childcare,
    Transport,
    Remote,
    Other,
}

public enum AccessSupportStatus
{
    Requested,
    Provided,
    Declined,
}

public sealed record AgendaItem(Guid Id, string Title, string? Notes, Guid? DecisionId);

/// <summary>A request for what someone needs to take part (an interpreter, childcare, a ride, a remote link).</summary>
public sealed record AccessSupport(Guid Id, Guid? UserId, AccessSupportKind Kind, string? Language, string? Details, AccessSupportStatus Status);

public sealed class AttendanceRecord : IMultiTenant
{
    private AttendanceRecord()
    {
    }

    internal AttendanceRecord(Guid meetingId, Guid userId, bool attended, DateTimeOffset recordedAt)
    {
        MeetingId = meetingId;
        UserId = userId;
        Attended = attended;
        RecordedAt = recordedAt;
    }

    public Guid? TenantId { get; private set; }

    public Guid MeetingId { get; private set; }

    public Guid UserId { get; private set; }

    public bool Attended { get; internal set; }

    public DateTimeOffset RecordedAt { get; internal set; }
}

/// <summary>A council meeting: agenda, access supports and attendance (which other modules act on).</summary>
public sealed class Meeting : FullAuditedAggregateRoot<Guid>, IMultiTenant
{
    private readonly List<AttendanceRecord> _attendance = [];

    private Meeting()
    {
    }

    public Meeting(Guid id, Guid councilId, string title, DateTimeOffset startsAt, int durationMinutes)
    {
        Id = id;
        CouncilId = councilId;
        Title = title;
        StartsAt = startsAt.ToUniversalTime(); // PostgreSQL's timestamptz takes UTC only; the instant is what matters
        DurationMinutes = durationMinutes;
    }

    public Guid? TenantId { get; private set; }

    public Guid CouncilId { get; private set; }

    public string Title { get; set; } = string.Empty;

    public DateTimeOffset StartsAt { get; set; }

    public int DurationMinutes { get; set; }

    public string? Location { get; set; }

    public List<AgendaItem> Agenda { get; set; } = [];

    public List<AccessSupport> AccessSupports { get; private set; } = [];

    public IReadOnlyList<AttendanceRecord> Attendance => _attendance;

    public AccessSupport RequestSupport(Guid? userId, AccessSupportKind kind, string? language, string? details)
    {
        var support = new AccessSupport(Guid.CreateVersion7(), userId, kind, language, details, AccessSupportStatus.Requested);
        AccessSupports = [.. AccessSupports, support];
        return support;
    }

    public AccessSupport SetSupportStatus(Guid supportId, AccessSupportStatus status)
    {
        var index = AccessSupports.FindIndex(s => s.Id == supportId);
        if (index < 0)
        {
            throw new EntityNotFoundException(nameof(AccessSupport), supportId);
        }

        var updated = AccessSupports[index] with { Status = status };
        AccessSupports = [.. AccessSupports.Take(index), updated, .. AccessSupports.Skip(index + 1)];
        return updated;
    }

    /// <summary>
    /// Records who attended. Raises <see cref="AttendanceRecorded"/> with only the changes, so recording the same
    /// list twice pays nobody twice.
    /// </summary>
    public void RecordAttendance(IReadOnlyList<(Guid UserId, bool Attended)> entries, DateTimeOffset now)
    {
        var attended = new List<Guid>();
        var withdrawn = new List<Guid>();
        foreach (var (userId, present) in entries.DistinctBy(e => e.UserId))
        {
            var record = _attendance.FirstOrDefault(a => a.UserId == userId);
            if (record is null)
            {
                _attendance.Add(new AttendanceRecord(Id, userId, present, now));
                if (present)
                {
                    attended.Add(userId);
                }

                continue;
            }

            if (record.Attended != present)
            {
                (present ? attended : withdrawn).Add(userId);
                record.Attended = present;
                record.RecordedAt = now;
            }
        }

        if (attended.Count > 0 || withdrawn.Count > 0)
        {
            AddDomainEvent(new AttendanceRecorded(TenantId, Id, CouncilId, Title, StartsAt, DurationMinutes, attended, withdrawn));
        }
    }
}
