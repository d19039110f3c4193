using EngagementPlatform.Framework.Exceptions;
using EngagementPlatform.Governance.Domain;
using EngagementPlatform.Governance.Domain.Councils;

namespace EngagementPlatform.Governance.Tests.Domain;

/// <summary>
/// The council without HTTP: seats and terms (a term runs from its start up to, not including, its end), each refusal
/// with its code and kind and no change, who votes on a date, and the composition as the rules see it.
/// </summary>
public sealed class CouncilAggregateTests
{
    private static readonly DateOnly Jan1 = new(2026, 1, 1);
    private static readonly DateOnly Jul1 = new(2026, 7, 1);
    private static readonly DateOnly Dec31 = new(2026, 12, 31);
    private static readonly Guid Ana = Guid.NewGuid();
    private static readonly Guid Ben = Guid.NewGuid();
    private static readonly Guid Caro = Guid.NewGuid();

    private static Council NewCouncil() => new(Guid.NewGuid(), "Health equity council");

    private static int Terms(Council council) => council.Seats.Sum(s => s.Assignments.Count);

    [Fact]
    public void A_seated_person_holds_the_seat_from_the_first_day_of_the_term_up_to_but_not_on_its_end()
    {
        var council = NewCouncil();
        var seat = council.AddSeat("Community seat 1", SeatCategory.CommunityMember, true, SeatRole.Member);
        seat.CouncilId.ShouldBe(council.Id);

        var term = council.Assign(seat.Id, Ana, Jan1, Jul1);

        term.UserId.ShouldBe(Ana);
        seat.HolderOn(Jan1.AddDays(-1)).ShouldBeNull();
        seat.HolderOn(Jan1).ShouldBe(term);
        seat.HolderOn(Jul1.AddDays(-1)).ShouldBe(term);
        seat.HolderOn(Jul1).ShouldBeNull();
        term.EndedEarly.ShouldBeFalse();
    }

    [Fact]
    public void The_next_term_may_begin_on_the_day_the_last_one_ends_in_the_same_seat_or_for_the_same_person_elsewhere()
    {
        var council = NewCouncil();
        var first = council.AddSeat("Seat 1", SeatCategory.CommunityMember, true, SeatRole.Member);
        var second = council.AddSeat("Seat 2", SeatCategory.Provider, true, SeatRole.Member);
        council.Assign(first.Id, Ana, Jan1, Jul1);

        council.Assign(first.Id, Ben, Jul1, null);
        council.Assign(second.Id, Ana, Jul1, null);

        first.HolderOn(Jul1)!.UserId.ShouldBe(Ben);
        second.HolderOn(Jul1)!.UserId.ShouldBe(Ana);
        council.CategoryOf(Ana, Jan1).ShouldBe(SeatCategory.CommunityMember);
        council.CategoryOf(Ana, Jul1).ShouldBe(SeatCategory.Provider);
        council.CategoryOf(Caro, Jul1).ShouldBeNull();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void A_term_that_ends_on_or_before_its_start_is_an_invalid_request_and_seats_no_one(int days)
    {
        var council = NewCouncil();
        var seat = council.AddSeat("Seat", SeatCategory.CommunityMember, true, SeatRole.Member);

        var refused = Should.Throw<InvalidRequestException>(() => council.Assign(seat.Id, Ana, Jul1, Jul1.AddDays(days)));

        refused.Code.ShouldBe(GovernanceErrorCodes.InvalidTerm);
        refused.Kind.ShouldBe(RefusalKind.InvalidRequest);
        Terms(council).ShouldBe(0);
    }

    public static TheoryData<int, int?> OverlappingTerms() => new()
    {
        // Offsets in days from 1 July against a term of 1 January to 1 July (null: open-ended).
        { -1, null },
        { -181, 1 },
        { -100, -50 },
        { -200, -180 },
    };

    [Theory]
    [MemberData(nameof(OverlappingTerms))]
    public void A_seat_taken_for_any_day_of_the_term_is_a_state_conflict_and_the_history_stays(int startOffset, int? endOffset)
    {
        var council = NewCouncil();
        var seat = council.AddSeat("Seat", SeatCategory.CommunityMember, true, SeatRole.Member);
        council.Assign(seat.Id, Ana, Jan1, Jul1);

        var refused = Should.Throw<StateConflictException>(() => council.Assign(seat.Id, Ben, Jul1.AddDays(startOffset), endOffset is { } e ? Jul1.AddDays(e) : null));

        refused.Code.ShouldBe(GovernanceErrorCodes.SeatOccupied);
        refused.Kind.ShouldBe(RefusalKind.StateConflict);
        seat.Assignments.Select(a => a.UserId).ShouldBe([Ana]);
    }

    [Fact]
    public void A_term_before_an_open_ended_one_fits_and_any_term_after_its_start_does_not()
    {
        var council = NewCouncil();
        var seat = council.AddSeat("Seat", SeatCategory.CommunityMember, true, SeatRole.Member);
        council.Assign(seat.Id, Ana, Jul1, null);

        council.Assign(seat.Id, Ben, Jan1, Jul1);
        Should.Throw<StateConflictException>(() => council.Assign(seat.Id, Caro, Dec31, Dec31.AddDays(1))).Code.ShouldBe(GovernanceErrorCodes.SeatOccupied);
        seat.Assignments.Count.ShouldBe(2);
    }

    [Fact]
    public void One_person_holds_at_most_one_seat_of_a_council_at_a_time()
    {
        var council = NewCouncil();
        var first = council.AddSeat("Seat 1", SeatCategory.CommunityMember, true, SeatRole.Member);
        var second = council.AddSeat("Seat 2", SeatCategory.CommunityOrganization, false, SeatRole.Member);
        council.Assign(first.Id, Ana, Jan1, Jul1);

        var refused = Should.Throw<StateConflictException>(() => council.Assign(second.Id, Ana, Jul1.AddDays(-1), null));

        refused.Code.ShouldBe(GovernanceErrorCodes.AlreadySeated);
        second.Assignments.ShouldBeEmpty();
    }

    [Fact]
    public void An_unknown_seat_is_not_found()
    {
        var council = NewCouncil();
        var unknown = Guid.NewGuid();

        Should.Throw<EntityNotFoundException>(() => council.Assign(unknown, Ana, Jan1, null)).Kind.ShouldBe(RefusalKind.NotFound);
        Should.Throw<EntityNotFoundException>(() => council.EndCurrentTerm(unknown, Jan1)).EntityName.ShouldBe(nameof(Seat));
    }

    [Fact]
    public void Ending_a_term_vacates_the_seat_from_that_day_keeps_the_history_and_frees_the_seat_for_someone_new()
    {
        var council = NewCouncil();
        var seat = council.AddSeat("Seat", SeatCategory.CommunityMember, true, SeatRole.Member);
        council.Assign(seat.Id, Ana, Jan1, Dec31);

        var ended = council.EndCurrentTerm(seat.Id, Jul1);

        ended.TermEnd.ShouldBe(Jul1);
        ended.EndedEarly.ShouldBeTrue();
        seat.HolderOn(Jul1.AddDays(-1))!.UserId.ShouldBe(Ana);
        seat.HolderOn(Jul1).ShouldBeNull();
        council.Assign(seat.Id, Ben, Jul1, null);
        seat.Assignments.Select(a => a.UserId).ShouldBe([Ana, Ben]);
    }

    [Fact]
    public void Ending_the_term_of_a_vacant_seat_is_a_state_conflict()
    {
        var council = NewCouncil();
        var seat = council.AddSeat("Seat", SeatCategory.CommunityMember, true, SeatRole.Member);
        council.Assign(seat.Id, Ana, Jan1, Jul1);

        var refused = Should.Throw<StateConflictException>(() => council.EndCurrentTerm(seat.Id, Jul1));

        refused.Code.ShouldBe(GovernanceErrorCodes.SeatVacant);
        seat.Assignments.Single().TermEnd.ShouldBe(Jul1);
        seat.Assignments.Single().EndedEarly.ShouldBeFalse();
    }

    [Fact]
    public void Only_holders_of_voting_seats_on_the_date_vote_with_their_seat_s_category()
    {
        var council = NewCouncil();
        var community = council.AddSeat("Community", SeatCategory.CommunityMember, true, SeatRole.Chair);
        var agency = council.AddSeat("Agency", SeatCategory.AgencyStaff, true, SeatRole.Member);
        var observer = council.AddSeat("Observer", SeatCategory.Other, false, SeatRole.Member);
        council.Assign(community.Id, Ana, Jan1, Jul1);
        council.Assign(agency.Id, Ben, Jul1, null);
        council.Assign(observer.Id, Caro, Jan1, null);

        council.VotingHoldersOn(Jan1.AddDays(-1)).ShouldBeEmpty();
        council.VotingHoldersOn(Jan1).ShouldBe([(Ana, SeatCategory.CommunityMember)]);
        council.VotingHoldersOn(Jul1.AddDays(-1)).ShouldBe([(Ana, SeatCategory.CommunityMember)]);
        council.VotingHoldersOn(Jul1).ShouldBe([(Ben, SeatCategory.AgencyStaff)]);
    }

    [Fact]
    public void Vacant_voting_seats_count_against_a_share_rule_and_a_phase_applies_from_its_date()
    {
        var council = NewCouncil();
        var seats = Enumerable.Range(1, 4).Select(i => council.AddSeat($"Seat {i}", i <= 2 ? SeatCategory.MedicaidMember : SeatCategory.AgencyStaff, true, SeatRole.Member)).ToList();
        council.AddSeat("Observer", SeatCategory.MedicaidMember, false, SeatRole.Member);
        council.AddRule(new CompositionRule(Guid.NewGuid(), council.Id, CompositionRuleKind.MinimumShare, [SeatCategory.MedicaidMember], "Half beneficiaries")
        {
            Phases = [new RulePhase(Jul1, 0.5m)],
        });
        council.Assign(seats[0].Id, Ana, Jan1, null);

        // Before the rule's first phase it is not in effect.
        var before = council.ComplianceOn(Jan1);
        before.Compliant.ShouldBeTrue();
        before.Rules.Single().InEffect.ShouldBeFalse();

        // From the phase: 2 of the 4 voting seats must be beneficiaries' and only 1 is filled; the vacancy counts against.
        var after = council.ComplianceOn(Jul1);
        after.VotingSeats.ShouldBe(4);
        after.FilledVotingSeats.ShouldBe(1);
        after.Compliant.ShouldBeFalse();
        var rule = after.Rules.Single();
        rule.RequiredSeats.ShouldBe(2);
        rule.ActualSeats.ShouldBe(1);
        rule.Shortfall.ShouldBe(1);
        rule.ActualShare.ShouldBe(0.25m);

        council.Assign(seats[1].Id, Ben, Jul1, null);
        council.ComplianceOn(Jul1).Compliant.ShouldBeTrue();
    }

    [Fact]
    public void Seat_count_and_chair_rules_look_at_filled_seats_of_their_categories()
    {
        var council = NewCouncil();
        var chair = council.AddSeat("Chair", SeatCategory.CommunityMember, true, SeatRole.Chair);
        var organization = council.AddSeat("Organization", SeatCategory.CommunityOrganization, false, SeatRole.Member);
        council.AddRule(new CompositionRule(Guid.NewGuid(), council.Id, CompositionRuleKind.MinimumSeats, [SeatCategory.CommunityOrganization, SeatCategory.CommunityMember], null) { MinimumSeats = 2 });
        council.AddRule(new CompositionRule(Guid.NewGuid(), council.Id, CompositionRuleKind.ChairFrom, [SeatCategory.CommunityMember], null));

        var empty = council.ComplianceOn(Jan1);
        empty.Compliant.ShouldBeFalse();
        empty.Rules.Select(r => r.Shortfall).ShouldBe([2, 1]);

        council.Assign(chair.Id, Ana, Jan1, null);
        council.Assign(organization.Id, Ben, Jan1, null);
        var full = council.ComplianceOn(Jan1);
        full.Compliant.ShouldBeTrue();
        full.Rules.Select(r => r.ActualSeats).ShouldBe([2, 1]);
        council.SeatsOn(Jan1).Select(s => s.IsFilled).ShouldBe([true, true]);
    }
}
