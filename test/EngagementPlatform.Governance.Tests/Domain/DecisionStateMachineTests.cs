using EngagementPlatform.Framework.Exceptions;
using EngagementPlatform.Governance.Domain;
using EngagementPlatform.Governance.Domain.Decisions;

namespace EngagementPlatform.Governance.Tests.Domain;

/// <summary>The decision's life without HTTP: each legal move, and each illegal one refused with its code and no change.</summary>
public sealed class DecisionStateMachineTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly Guid Voter = Guid.NewGuid();

    private static Decision Draft() => new(Guid.NewGuid(), Guid.NewGuid(), "Open on Saturdays", VotingMethod.YesNo, []);

    private static Decision InState(DecisionState state)
    {
        var d = Draft();
        if (state == DecisionState.Draft)
        {
            return d;
        }

        if (state == DecisionState.Withdrawn)
        {
            d.Withdraw("no longer needed");
            return d;
        }

        d.OpenInput();
        if (state == DecisionState.OpenForInput)
        {
            return d;
        }

        d.OpenVoting(Now, [(Voter, SeatCategory.CommunityMember)]);
        if (state == DecisionState.Voting)
        {
            return d;
        }

        d.CloseVoting(Now.AddHours(1), "{}", 30);
        d.Record(Now.AddHours(2), "Yes", "Most agreed", new Dictionary<Guid, (InputUse, string)>(), [Voter], true, null);
        if (state == DecisionState.Decided)
        {
            return d;
        }

        if (state == DecisionState.Implemented)
        {
            d.Implement(new DateOnly(2026, 12, 1), "Opened");
            return d;
        }

        d.Close(Now.AddDays(1));
        return d;
    }

    [Fact]
    public void A_draft_goes_through_input_voting_record_implementation_and_close()
    {
        var d = Draft();
        d.OpenInput();
        d.State.ShouldBe(DecisionState.OpenForInput);
        d.OpenVoting(Now, [(Voter, SeatCategory.CommunityMember)]);
        d.State.ShouldBe(DecisionState.Voting);
        d.IsVotingOpen(Now).ShouldBeTrue();
        d.CloseVoting(Now.AddHours(1), "{}", 30).ShouldBeTrue();
        d.CloseVoting(Now.AddHours(2), "{}", 30).ShouldBeFalse();
        d.CloseTheLoopDueAt.ShouldBe(Now.AddHours(1).AddDays(30));
        d.Record(Now.AddHours(2), "Yes", "Most agreed", new Dictionary<Guid, (InputUse, string)>(), [Voter], true, null);
        d.State.ShouldBe(DecisionState.Decided);
        d.Implement(new DateOnly(2026, 12, 1), "Opened");
        d.State.ShouldBe(DecisionState.Implemented);
        d.Close(Now.AddDays(1));
        d.State.ShouldBe(DecisionState.Closed);
    }

    [Fact]
    public void Voting_may_open_straight_from_a_draft_and_a_decided_decision_may_close_unimplemented()
    {
        var d = Draft();
        d.OpenVoting(Now, [(Voter, SeatCategory.CommunityMember)]);
        d.State.ShouldBe(DecisionState.Voting);
        InState(DecisionState.Closed).State.ShouldBe(DecisionState.Closed);
        var decided = InState(DecisionState.Decided);
        decided.Close(Now.AddDays(1));
        decided.State.ShouldBe(DecisionState.Closed);
    }

    [Theory]
    [InlineData(DecisionState.Draft)]
    [InlineData(DecisionState.OpenForInput)]
    [InlineData(DecisionState.Voting)]
    public void Draft_input_and_voting_may_be_withdrawn(DecisionState state)
    {
        var d = InState(state);
        d.Withdraw("changed plans");
        d.State.ShouldBe(DecisionState.Withdrawn);
        d.WithdrawnReason.ShouldBe("changed plans");
    }

    public static TheoryData<DecisionState, string> IllegalMoves() => new()
    {
        { DecisionState.OpenForInput, "OpenInput" },
        { DecisionState.Voting, "OpenInput" },
        { DecisionState.Decided, "OpenInput" },
        { DecisionState.Withdrawn, "OpenInput" },
        { DecisionState.Voting, "OpenVoting" },
        { DecisionState.Decided, "OpenVoting" },
        { DecisionState.Closed, "OpenVoting" },
        { DecisionState.Draft, "CloseVoting" },
        { DecisionState.OpenForInput, "CloseVoting" },
        { DecisionState.Decided, "CloseVoting" },
        { DecisionState.Draft, "Record" },
        { DecisionState.Voting, "Record" },
        { DecisionState.Decided, "Record" },
        { DecisionState.Draft, "Implement" },
        { DecisionState.Voting, "Implement" },
        { DecisionState.Implemented, "Implement" },
        { DecisionState.Draft, "Close" },
        { DecisionState.Voting, "Close" },
        { DecisionState.Closed, "Close" },
        { DecisionState.Decided, "Withdraw" },
        { DecisionState.Closed, "Withdraw" },
        { DecisionState.Withdrawn, "Withdraw" },
    };

    [Theory]
    [MemberData(nameof(IllegalMoves))]
    public void Every_other_move_is_a_state_conflict_and_changes_nothing(DecisionState state, string move)
    {
        var d = InState(state);
        Action act = move switch
        {
            "OpenInput" => d.OpenInput,
            "OpenVoting" => () => d.OpenVoting(Now, [(Voter, SeatCategory.CommunityMember)]),
            "CloseVoting" => () => d.CloseVoting(Now.AddHours(3), "{}", 30),
            "Record" => () => d.Record(Now.AddHours(3), "x", "y", new Dictionary<Guid, (InputUse, string)>(), [], null, null),
            "Implement" => () => d.Implement(new DateOnly(2026, 12, 2), "again"),
            "Close" => () => d.Close(Now.AddDays(2)),
            _ => () => d.Withdraw("late"),
        };

        var refused = Should.Throw<StateConflictException>(act);
        refused.Code.ShouldBe(GovernanceErrorCodes.IllegalTransition);
        d.State.ShouldBe(state);
    }

    [Fact]
    public void Input_is_taken_only_while_open_for_input()
    {
        Should.Throw<StateConflictException>(() => Draft().NewInput(Voter, null, null, "early", true, Now)).Code.ShouldBe(GovernanceErrorCodes.InputClosed);
        InState(DecisionState.OpenForInput).NewInput(Voter, null, null, "in time", true, Now).Text.ShouldBe("in time");
        Should.Throw<StateConflictException>(() => InState(DecisionState.Voting).NewInput(Voter, null, null, "late", true, Now)).Code.ShouldBe(GovernanceErrorCodes.InputClosed);
    }

    [Fact]
    public void Voting_cannot_open_without_an_eligible_voter_and_only_eligible_members_vote()
    {
        var d = InState(DecisionState.OpenForInput);
        Should.Throw<RuleBrokenException>(() => d.OpenVoting(Now, [])).Code.ShouldBe(GovernanceErrorCodes.NoEligibleVoters);
        d.State.ShouldBe(DecisionState.OpenForInput);

        d.OpenVoting(Now, [(Voter, SeatCategory.CommunityMember)]);
        d.EnsureCanVote(Voter, Now).UserId.ShouldBe(Voter);
        Should.Throw<NotPermittedException>(() => d.EnsureCanVote(Guid.NewGuid(), Now)).Code.ShouldBe(GovernanceErrorCodes.NotEligible);
    }
}
