using EngagementPlatform.Framework.Exceptions;
using EngagementPlatform.Governance.Domain.Meetings;

namespace EngagementPlatform.Governance.Tests.Domain;

/// <summary>
/// The meeting without HTTP: its time is one instant stored in UTC, access supports move between their statuses, and
/// attendance announces only what changed (so a payment for attending is never made twice).
/// </summary>
public sealed class MeetingAggregateTests
{
    private static readonly DateTimeOffset Evening = new(2026, 11, 3, 18, 30, 0, TimeSpan.FromHours(-5));
    private static readonly DateTimeOffset RecordedAt = new(2026, 11, 3, 21, 0, 0, TimeSpan.Zero);
    private static readonly Guid Ana = Guid.NewGuid();
    private static readonly Guid Ben = Guid.NewGuid();
    private static readonly Guid Caro = Guid.NewGuid();

    private static Meeting NewMeeting() => new(Guid.NewGuid(), Guid.NewGuid(), "November meeting", Evening, 90);

    private static AttendanceRecorded SingleEvent(Meeting meeting)
    {
        var recorded = meeting.DomainEvents.ShouldHaveSingleItem().ShouldBeOfType<AttendanceRecorded>();
        meeting.ClearDomainEvents();
        return recorded;
    }

    [Fact]
    public void The_start_is_kept_as_the_same_instant_in_UTC()
    {
        var meeting = NewMeeting();

        meeting.StartsAt.ShouldBe(Evening);
        meeting.StartsAt.Offset.ShouldBe(TimeSpan.Zero);
        meeting.StartsAt.UtcDateTime.ShouldBe(new DateTime(2026, 11, 3, 23, 30, 0, DateTimeKind.Utc));
        meeting.DurationMinutes.ShouldBe(90);
        meeting.Attendance.ShouldBeEmpty();
        meeting.DomainEvents.ShouldBeEmpty();
    }

    [Fact]
    public void A_support_request_starts_requested_and_moves_to_provided_or_declined_alone()
    {
        var meeting = NewMeeting();
        var interpreter = meeting.RequestSupport(Ana, AccessSupportKind.Interpreter, "es", "Spanish, both ways");
        var ride = meeting.RequestSupport(Ben, AccessSupportKind.Transport, null, null);
        interpreter.Status.ShouldBe(AccessSupportStatus.Requested);

        meeting.SetSupportStatus(interpreter.Id, AccessSupportStatus.Provided).Status.ShouldBe(AccessSupportStatus.Provided);
        meeting.SetSupportStatus(ride.Id, AccessSupportStatus.Declined);
        meeting.SetSupportStatus(ride.Id, AccessSupportStatus.Provided);

        meeting.AccessSupports.Select(s => (s.Id, s.Status)).ShouldBe([(interpreter.Id, AccessSupportStatus.Provided), (ride.Id, AccessSupportStatus.Provided)]);
        meeting.AccessSupports[0].Language.ShouldBe("es");
    }

    [Fact]
    public void The_status_of_a_support_that_is_not_there_is_not_found_and_nothing_changes()
    {
        var meeting = NewMeeting();
        var childcare = meeting.RequestSupport(null, AccessSupportKind.Childcare, null, "Two children");

        var refused = Should.Throw<EntityNotFoundException>(() => meeting.SetSupportStatus(Guid.NewGuid(), AccessSupportStatus.Declined));

        refused.Kind.ShouldBe(RefusalKind.NotFound);
        meeting.AccessSupports.ShouldBe([childcare]);
    }

    [Fact]
    public void First_attendance_announces_who_was_present_and_recording_it_again_announces_nothing()
    {
        var meeting = NewMeeting();

        meeting.RecordAttendance([(Ana, true), (Ben, false), (Caro, true)], RecordedAt);

        var recorded = SingleEvent(meeting);
        recorded.MeetingId.ShouldBe(meeting.Id);
        recorded.CouncilId.ShouldBe(meeting.CouncilId);
        recorded.StartsAt.ShouldBe(Evening);
        recorded.DurationMinutes.ShouldBe(90);
        recorded.Attended.ShouldBe([Ana, Caro]);
        recorded.Withdrawn.ShouldBeEmpty();
        meeting.Attendance.Select(a => (a.UserId, a.Attended)).ShouldBe([(Ana, true), (Ben, false), (Caro, true)]);

        meeting.RecordAttendance([(Ana, true), (Ben, false), (Caro, true)], RecordedAt.AddHours(1));
        meeting.DomainEvents.ShouldBeEmpty();
        meeting.Attendance.ShouldAllBe(a => a.RecordedAt == RecordedAt);
    }

    [Fact]
    public void A_correction_announces_only_the_people_whose_attendance_changed()
    {
        var meeting = NewMeeting();
        meeting.RecordAttendance([(Ana, true), (Ben, false)], RecordedAt);
        meeting.ClearDomainEvents();

        var later = RecordedAt.AddDays(1);
        meeting.RecordAttendance([(Ana, false), (Ben, true), (Caro, false)], later);

        var corrected = SingleEvent(meeting);
        corrected.Attended.ShouldBe([Ben]);
        corrected.Withdrawn.ShouldBe([Ana]);
        meeting.Attendance.Single(a => a.UserId == Ana).RecordedAt.ShouldBe(later);
        meeting.Attendance.Single(a => a.UserId == Caro).Attended.ShouldBeFalse();
        meeting.Attendance.Count.ShouldBe(3);
    }

    [Fact]
    public void A_person_listed_twice_in_one_recording_counts_once_as_first_listed()
    {
        var meeting = NewMeeting();

        meeting.RecordAttendance([(Ana, true), (Ana, false), (Ana, true)], RecordedAt);

        SingleEvent(meeting).Attended.ShouldBe([Ana]);
        meeting.Attendance.ShouldHaveSingleItem().Attended.ShouldBeTrue();
    }

    [Fact]
    public void Recording_only_absences_the_first_time_keeps_them_and_announces_nothing()
    {
        var meeting = NewMeeting();

        meeting.RecordAttendance([(Ana, false)], RecordedAt);

        meeting.DomainEvents.ShouldBeEmpty();
        meeting.Attendance.ShouldHaveSingleItem().Attended.ShouldBeFalse();
    }
}
