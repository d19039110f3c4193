using CsCheck;
using EngagementPlatform.Governance.Domain;
using EngagementPlatform.Governance.Domain.Voting;

namespace EngagementPlatform.Governance.Tests.Domain;

public sealed class TallyCalculatorTests
{
    private static readonly Guid A = new("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid B = new("00000000-0000-0000-0000-00000000000b");
    private static readonly Guid C = new("00000000-0000-0000-0000-00000000000c");
    private static readonly Guid D = new("00000000-0000-0000-0000-00000000000d");

    private static readonly (Guid Id, string Title)[] Abc = [(A, "A"), (B, "B"), (C, "C")];
    private static readonly (Guid Id, string Title)[] Abcd = [(A, "A"), (B, "B"), (C, "C"), (D, "D")];

    private static TallyRules YesNoRules(
        Threshold threshold = Threshold.SimpleMajority, decimal quorum = 0.5m, bool concurrent = false, int? communityQuorum = null)
        => new(VotingMethod.YesNo, quorum, threshold, concurrent, communityQuorum, []);

    private static TallyRules OptionRules(VotingMethod method, (Guid Id, string Title)[] options, Threshold threshold = Threshold.SimpleMajority)
        => new(method, 0m, threshold, false, null, options);

    private static IEnumerable<CountedBallot> Votes(int count, YesNoChoice choice, bool community = false)
        => Enumerable.Repeat(new CountedBallot(BallotContent.YesNo(choice), community), count);

    private static IEnumerable<CountedBallot> Ranked(int count, params Guid[] ranking)
        => Enumerable.Repeat(new CountedBallot(BallotContent.Of(ranking), false), count);

    private static Tally Tally(TallyRules rules, IEnumerable<CountedBallot> ballots, int eligible = 7, int communityEligible = 0)
        => TallyCalculator.Compute(rules, [.. ballots], eligible, communityEligible);

    private static Tally RankedTally((Guid Id, string Title)[] options, IEnumerable<CountedBallot> ballots)
    {
        var list = ballots.ToList();
        return TallyCalculator.Compute(OptionRules(VotingMethod.RankedChoice, options), list, list.Count, 0);
    }

    private static void ShouldBeRound(TallyRound round, int number, string? eliminated, int exhausted, params (string Title, int Count)[] counts)
    {
        round.Round.ShouldBe(number);
        round.Eliminated.ShouldBe(eliminated);
        round.Exhausted.ShouldBe(exhausted);
        round.Counts.Select(c => (c.Key, c.Value)).ShouldBe(counts);
    }

    // ---- Yes/No ----

    [Fact]
    public void Seven_eligible_half_quorum_three_yes_one_no_passes()
    {
        var tally = Tally(YesNoRules(), [.. Votes(3, YesNoChoice.Yes), .. Votes(1, YesNoChoice.No)]);

        tally.Eligible.ShouldBe(7);
        tally.Cast.ShouldBe(4);
        tally.Abstained.ShouldBe(0);
        tally.QuorumReached.ShouldBeTrue();
        tally.Passed.ShouldBeTrue();
        tally.Winner.ShouldBe("Yes");
        tally.Counts["Yes"].ShouldBe(3);
        tally.Counts["No"].ShouldBe(1);
        tally.Counts["Abstain"].ShouldBe(0);
        tally.Rounds.ShouldBeEmpty();
        tally.Community.Passed.ShouldBeNull();
        tally.Community.QuorumReached.ShouldBeTrue();
    }

    [Fact]
    public void Consensus_fails_on_a_single_no()
    {
        var tally = Tally(YesNoRules(Threshold.Consensus), [.. Votes(6, YesNoChoice.Yes), .. Votes(1, YesNoChoice.No)]);

        tally.QuorumReached.ShouldBeTrue();
        tally.Passed.ShouldBeFalse();
        tally.Winner.ShouldBeNull();
    }

    [Fact]
    public void Consensus_passes_with_yes_and_abstentions_but_no_no()
    {
        var tally = Tally(YesNoRules(Threshold.Consensus), [.. Votes(3, YesNoChoice.Yes), .. Votes(2, YesNoChoice.Abstain)]);

        tally.Passed.ShouldBeTrue();
    }

    [Fact]
    public void Abstentions_reach_quorum_without_counting_toward_the_threshold()
    {
        var tally = Tally(YesNoRules(), [.. Votes(1, YesNoChoice.Yes), .. Votes(3, YesNoChoice.Abstain)]);

        tally.Cast.ShouldBe(4);
        tally.Abstained.ShouldBe(3);
        tally.Counts["Abstain"].ShouldBe(3);
        tally.QuorumReached.ShouldBeTrue();
        tally.Passed.ShouldBeTrue();
    }

    [Fact]
    public void A_yes_no_tie_with_abstentions_reaching_quorum_does_not_pass()
    {
        var tally = Tally(YesNoRules(), [.. Votes(1, YesNoChoice.Yes), .. Votes(1, YesNoChoice.No), .. Votes(2, YesNoChoice.Abstain)]);

        tally.QuorumReached.ShouldBeTrue();
        tally.Abstained.ShouldBe(2);
        tally.Passed.ShouldBeFalse();
        tally.Winner.ShouldBeNull();
    }

    [Fact]
    public void Without_quorum_a_unanimous_yes_does_not_pass()
    {
        // 3 of 7 is under half.
        var tally = Tally(YesNoRules(), Votes(3, YesNoChoice.Yes));

        tally.Cast.ShouldBe(3);
        tally.QuorumReached.ShouldBeFalse();
        tally.Passed.ShouldBeFalse();
        tally.Winner.ShouldBeNull();
        tally.Counts["Yes"].ShouldBe(3);
    }

    [Theory]
    [InlineData(Threshold.TwoThirds, 2, 1, true)]
    [InlineData(Threshold.TwoThirds, 3, 2, false)]
    [InlineData(Threshold.TwoThirds, 0, 0, false)]
    [InlineData(Threshold.SimpleMajority, 2, 2, false)]
    [InlineData(Threshold.SimpleMajority, 3, 2, true)]
    [InlineData(Threshold.Consensus, 0, 0, false)]
    [InlineData(Threshold.Consensus, 1, 0, true)]
    public void Thresholds_compare_yes_with_no(Threshold threshold, int yes, int no, bool passed)
    {
        TallyCalculator.MeetsThreshold(threshold, yes, no).ShouldBe(passed);

        var ballots = Votes(yes, YesNoChoice.Yes).Concat(Votes(no, YesNoChoice.No)).Concat(Votes(4, YesNoChoice.Abstain));
        Tally(YesNoRules(threshold), ballots).Passed.ShouldBe(passed);
    }

    [Fact]
    public void Concurrent_majority_fails_when_the_community_side_votes_no()
    {
        // Overall 5 Yes / 2 No passes, but community alone is 1 Yes / 2 No.
        var ballots = Votes(4, YesNoChoice.Yes).Concat(Votes(1, YesNoChoice.Yes, community: true)).Concat(Votes(2, YesNoChoice.No, community: true));

        var tally = Tally(YesNoRules(concurrent: true), ballots, eligible: 7, communityEligible: 3);

        tally.QuorumReached.ShouldBeTrue();
        tally.Counts["Yes"].ShouldBe(5);
        tally.Counts["No"].ShouldBe(2);
        tally.Passed.ShouldBeFalse();
        tally.Winner.ShouldBeNull();
        tally.Community.ShouldBe(new CommunityTally(3, 3, false, true));
    }

    [Fact]
    public void Concurrent_majority_passes_when_both_sides_pass()
    {
        var ballots = Votes(2, YesNoChoice.Yes).Concat(Votes(2, YesNoChoice.Yes, community: true)).Concat(Votes(1, YesNoChoice.No, community: true));

        var tally = Tally(YesNoRules(concurrent: true), ballots, eligible: 7, communityEligible: 3);

        tally.Passed.ShouldBeTrue();
        tally.Community.ShouldBe(new CommunityTally(3, 3, true, true));
    }

    [Fact]
    public void A_missed_community_quorum_fails_the_measure_even_with_a_majority()
    {
        var ballots = Votes(4, YesNoChoice.Yes).Concat(Votes(2, YesNoChoice.Yes, community: true));

        var tally = Tally(YesNoRules(communityQuorum: 3), ballots, eligible: 7, communityEligible: 4);

        tally.QuorumReached.ShouldBeTrue();
        tally.Passed.ShouldBeFalse();
        tally.Community.ShouldBe(new CommunityTally(4, 2, null, false));

        var enough = Tally(YesNoRules(communityQuorum: 3), [.. ballots, .. Votes(1, YesNoChoice.No, community: true)], eligible: 7, communityEligible: 4);
        enough.Passed.ShouldBeTrue();
        enough.Community.QuorumReached.ShouldBeTrue();
    }

    [Fact]
    public void No_eligible_voters_never_reach_quorum()
        => Tally(YesNoRules(quorum: 0m), Votes(1, YesNoChoice.Yes), eligible: 0).QuorumReached.ShouldBeFalse();

    // ---- Approval ----

    [Fact]
    public void Approval_winner_has_the_most_approvals_and_a_majority()
    {
        // A 2, B 3, C 1 of 4 ballots.
        CountedBallot[] ballots =
        [
            new(BallotContent.Of(A, B), false),
            new(BallotContent.Of(B), false),
            new(BallotContent.Of(B, C), false),
            new(BallotContent.Of(A), false),
        ];

        var tally = TallyCalculator.Compute(OptionRules(VotingMethod.Approval, Abc), ballots, 4, 0);

        tally.Passed.ShouldBeTrue();
        tally.Winner.ShouldBe("B");
        tally.Counts.Select(c => (c.Key, c.Value)).ShouldBe([("A", 2), ("B", 3), ("C", 1)]);
        tally.Rounds.ShouldBeEmpty();
    }

    [Fact]
    public void Approval_tie_goes_to_the_earlier_listed_option()
    {
        CountedBallot[] ballots = [new(BallotContent.Of(C, B), false), new(BallotContent.Of(B, C), false), new(BallotContent.Of(C, B), false)];

        var tally = TallyCalculator.Compute(OptionRules(VotingMethod.Approval, Abc), ballots, 3, 0);

        tally.Counts["B"].ShouldBe(3);
        tally.Counts["C"].ShouldBe(3);
        tally.Winner.ShouldBe("B");
    }

    [Fact]
    public void Approval_plurality_without_a_majority_of_non_abstaining_ballots_does_not_pass()
    {
        // A is approved on 2 of 4 voting ballots: the most, but not more than half. The abstention is not in the base.
        CountedBallot[] ballots =
        [
            new(BallotContent.Of(A), false),
            new(BallotContent.Of(A), false),
            new(BallotContent.Of(B), false),
            new(BallotContent.Of(C), false),
            new(BallotContent.Of(), false),
        ];

        var tally = TallyCalculator.Compute(OptionRules(VotingMethod.Approval, Abc), ballots, 5, 0);

        tally.Cast.ShouldBe(5);
        tally.Abstained.ShouldBe(1);
        tally.QuorumReached.ShouldBeTrue();
        tally.Counts.Select(c => (c.Key, c.Value)).ShouldBe([("A", 2), ("B", 1), ("C", 1)]);
        tally.Passed.ShouldBeFalse();
        tally.Winner.ShouldBeNull();
    }

    [Fact]
    public void An_empty_approval_is_an_abstention_and_leaves_the_majority_base()
    {
        // A on 2 of 3 voting ballots passes; counting the 2 abstentions in the base (2 of 5) would fail.
        CountedBallot[] ballots =
        [
            new(BallotContent.Of(A), false),
            new(BallotContent.Of(A, B), false),
            new(BallotContent.Of(B), false),
            new(BallotContent.Of(), false),
            new(BallotContent.Of(), false),
        ];

        var tally = TallyCalculator.Compute(OptionRules(VotingMethod.Approval, Abc), ballots, 5, 0);

        tally.Abstained.ShouldBe(2);
        tally.Passed.ShouldBeTrue();
        tally.Winner.ShouldBe("A");
    }

    [Fact]
    public void Approval_with_only_abstentions_does_not_pass()
    {
        CountedBallot[] ballots = [new(BallotContent.Of(), false), new(BallotContent.Of(), false)];

        var tally = TallyCalculator.Compute(OptionRules(VotingMethod.Approval, Abc), ballots, 2, 0);

        tally.QuorumReached.ShouldBeTrue();
        tally.Passed.ShouldBeFalse();
        tally.Winner.ShouldBeNull();
        tally.Counts.Values.ShouldAllBe(v => v == 0);
    }

    [Theory]
    [InlineData(Threshold.TwoThirds, 2, 3, true)]
    [InlineData(Threshold.TwoThirds, 2, 4, false)]
    [InlineData(Threshold.Consensus, 3, 3, true)]
    [InlineData(Threshold.Consensus, 2, 3, false)]
    public void Approval_thresholds_measure_the_winner_against_non_abstaining_ballots(Threshold threshold, int approving, int voting, bool passed)
    {
        var ballots = Enumerable.Range(0, voting).Select(i => new CountedBallot(i < approving ? BallotContent.Of(A) : BallotContent.Of(B), false)).ToList();
        var rules = OptionRules(VotingMethod.Approval, [(A, "A"), (B, "B")], threshold);

        var tally = TallyCalculator.Compute(rules, ballots, voting, 0);

        tally.Passed.ShouldBe(passed);
        tally.Winner.ShouldBe(passed ? "A" : null);
    }

    // ---- Ranked choice ----

    [Fact]
    public void Instant_runoff_elects_the_majority_choice_where_plurality_would_not()
    {
        var tally = RankedTally(Abc, [.. Ranked(8, A, C, B), .. Ranked(5, B, C, A), .. Ranked(4, C, B, A)]);

        tally.Rounds.Count.ShouldBe(2);
        ShouldBeRound(tally.Rounds[0], 1, "C", 0, ("A", 8), ("B", 5), ("C", 4));
        ShouldBeRound(tally.Rounds[1], 2, null, 0, ("A", 8), ("B", 9));
        tally.Passed.ShouldBeTrue();
        tally.Winner.ShouldBe("B");
        tally.Counts.Select(c => (c.Key, c.Value)).ShouldBe([("A", 8), ("B", 5), ("C", 4)]);
        tally.Cast.ShouldBe(17);
    }

    [Fact]
    public void A_first_round_majority_wins_in_one_round()
    {
        var tally = RankedTally(Abc, [.. Ranked(3, C), .. Ranked(2, A)]);

        ShouldBeRound(tally.Rounds.ShouldHaveSingleItem(), 1, null, 0, ("A", 2), ("B", 0), ("C", 3));
        tally.Winner.ShouldBe("C");
    }

    [Fact]
    public void Ballots_with_no_continuing_choice_are_exhausted_and_leave_the_majority_base()
    {
        // Round 1: A3 B2 C2 (7), no majority; C eliminated (later-listed of the tied B/C).
        // Round 2: the two C-only ballots are exhausted; A3 B2 of 5 continuing: A has a majority.
        var tally = RankedTally(Abc, [.. Ranked(3, A), .. Ranked(2, B), .. Ranked(2, C)]);

        tally.Rounds.Count.ShouldBe(2);
        ShouldBeRound(tally.Rounds[0], 1, "C", 0, ("A", 3), ("B", 2), ("C", 2));
        ShouldBeRound(tally.Rounds[1], 2, null, 2, ("A", 3), ("B", 2));
        tally.Winner.ShouldBe("A");
    }

    [Fact]
    public void A_tie_for_fewest_is_broken_by_the_earlier_rounds()
    {
        // Round 1: A6 B2 C3 D1, D out; its ballot moves to B. Round 2: B3 C3 tie; in round 1 B had fewer, so B is
        // eliminated even though listing order alone would eliminate C.
        var tally = RankedTally(Abcd, [.. Ranked(6, A), .. Ranked(2, B), .. Ranked(3, C), .. Ranked(1, D, B)]);

        tally.Rounds.Count.ShouldBe(3);
        ShouldBeRound(tally.Rounds[0], 1, "D", 0, ("A", 6), ("B", 2), ("C", 3), ("D", 1));
        ShouldBeRound(tally.Rounds[1], 2, "B", 0, ("A", 6), ("B", 3), ("C", 3));
        ShouldBeRound(tally.Rounds[2], 3, null, 3, ("A", 6), ("C", 3));
        tally.Winner.ShouldBe("A");
    }

    [Fact]
    public void A_tie_with_identical_history_eliminates_the_later_listed_option()
    {
        // Round 1: A3 B2 C2 D1, D out (exhausted). Round 2: B2 C2 tied in every round, so C (listed later) is
        // eliminated and its ballots go to B. Round 3: B4 of 7 wins. Eliminating B instead would have elected C.
        var tally = RankedTally(Abcd, [.. Ranked(3, A), .. Ranked(2, B, C), .. Ranked(2, C, B), .. Ranked(1, D)]);

        tally.Rounds.Count.ShouldBe(3);
        ShouldBeRound(tally.Rounds[0], 1, "D", 0, ("A", 3), ("B", 2), ("C", 2), ("D", 1));
        ShouldBeRound(tally.Rounds[1], 2, "C", 1, ("A", 3), ("B", 2), ("C", 2));
        ShouldBeRound(tally.Rounds[2], 3, null, 1, ("A", 3), ("B", 4));
        tally.Passed.ShouldBeTrue();
        tally.Winner.ShouldBe("B");
    }

    [Fact]
    public void A_single_option_wins_with_every_non_abstaining_ballot()
    {
        var tally = RankedTally([(A, "A")], [.. Ranked(3, A), new CountedBallot(BallotContent.Of(), false)]);

        ShouldBeRound(tally.Rounds.ShouldHaveSingleItem(), 1, null, 0, ("A", 3));
        tally.Abstained.ShouldBe(1);
        tally.Passed.ShouldBeTrue();
        tally.Winner.ShouldBe("A");
    }

    [Fact]
    public void Every_ballot_ranking_one_option_elects_it_and_the_others_are_eliminated_with_zero()
    {
        var tally = RankedTally(Abc, Ranked(4, B));

        ShouldBeRound(tally.Rounds.ShouldHaveSingleItem(), 1, null, 0, ("A", 0), ("B", 4), ("C", 0));
        tally.Winner.ShouldBe("B");
    }

    [Fact]
    public void All_abstaining_ranked_ballots_do_not_pass()
    {
        var tally = RankedTally(Abc, Enumerable.Repeat(new CountedBallot(BallotContent.Of(), false), 3));

        tally.Cast.ShouldBe(3);
        tally.Abstained.ShouldBe(3);
        tally.QuorumReached.ShouldBeTrue();
        tally.Passed.ShouldBeFalse();
        tally.Winner.ShouldBeNull();
        tally.Rounds.ShouldAllBe(r => r.Eliminated == null && r.Exhausted == 0 && r.Counts.Values.All(v => v == 0));
    }

    [Fact]
    public void Ranked_choice_concurrent_majority_requires_the_community_to_elect_the_same_option()
    {
        // Overall: A 3, B 2 -> A. Community alone: B 2, A 1 -> B.
        CountedBallot[] ballots =
        [
            new(BallotContent.Of(A), false),
            new(BallotContent.Of(A), false),
            new(BallotContent.Of(A), true),
            new(BallotContent.Of(B), true),
            new(BallotContent.Of(B), true),
        ];
        var rules = OptionRules(VotingMethod.RankedChoice, Abc) with { ConcurrentMajority = true };

        var tally = TallyCalculator.Compute(rules, ballots, 5, 3);

        tally.Passed.ShouldBeFalse();
        tally.Winner.ShouldBeNull();
        tally.Community.Passed.ShouldBe(false);
    }

    // ---- Properties ----

    private static readonly Gen<CountedBallot[]> GenYesNoBallots =
        Gen.Select(Gen.Enum<YesNoChoice>(), Gen.Bool, (choice, community) => new CountedBallot(BallotContent.YesNo(choice), community)).Array[0, 40];

    private static readonly Gen<CountedBallot[]> GenRankedBallots =
        // Copy the ranking: Gen.Shuffle may hand back the array it shuffles in place.
        Gen.Shuffle(Abcd.Select(o => o.Id).ToArray(), 0, 4)
            .Select(Gen.Bool, (ranking, community) => new CountedBallot(BallotContent.Of([.. ranking]), community))
            .Array[0, 40];

    private static readonly Gen<TallyRules> GenRules =
        Gen.Select(Gen.Enum<VotingMethod>(), Gen.Enum<Threshold>(), Gen.Bool, Gen.Int[0, 10].Nullable(), (method, threshold, concurrent, communityQuorum)
            => new TallyRules(method, 0.5m, threshold, concurrent, communityQuorum, method == VotingMethod.YesNo ? [] : Abcd));

    [Fact]
    public void Yes_no_counts_add_up_to_the_ballots_cast()
        => GenYesNoBallots.Sample(ballots =>
        {
            var tally = TallyCalculator.Compute(YesNoRules(), ballots, 40, 40);

            tally.Cast.ShouldBe(ballots.Length);
            (tally.Counts["Yes"] + tally.Counts["No"] + tally.Counts["Abstain"]).ShouldBe(tally.Cast);
            tally.Abstained.ShouldBe(tally.Counts["Abstain"]);
            tally.Community.Cast.ShouldBe(ballots.Count(b => b.IsCommunity));
        });

    [Fact]
    public void Compute_is_deterministic()
        => Gen.Select(GenRules, GenRankedBallots, GenYesNoBallots).Sample((rules, ranked, yesNo) =>
        {
            var ballots = rules.Method == VotingMethod.YesNo ? yesNo : ranked;

            var first = TallyCalculator.Compute(rules, ballots, 40, 20);
            var second = TallyCalculator.Compute(rules, [.. ballots], 40, 20);

            JsonSerializer.Serialize(second).ShouldBe(JsonSerializer.Serialize(first));
        });

    [Fact]
    public void Every_ranked_round_accounts_for_every_non_abstaining_ballot_and_the_winner_is_an_option()
        => GenRankedBallots.Sample(ballots =>
        {
            var tally = RankedTally(Abcd, ballots);
            var voting = ballots.Count(b => !b.Content.IsAbstention);

            foreach (var round in tally.Rounds)
            {
                (round.Counts.Values.Sum() + round.Exhausted).ShouldBe(voting);
            }

            tally.Rounds.Select(r => r.Round).ShouldBe(Enumerable.Range(1, tally.Rounds.Count));
            if (tally.Winner is not null)
            {
                Abcd.Select(o => o.Title).ShouldContain(tally.Winner);
                tally.Rounds[^1].Eliminated.ShouldBeNull();
                (tally.Rounds[^1].Counts[tally.Winner] * 2).ShouldBeGreaterThan(voting - tally.Rounds[^1].Exhausted);
            }

            tally.Passed.ShouldBe(voting > 0);
        });

    [Fact]
    public void Shuffling_the_ballots_does_not_change_the_tally()
        => Gen.Select(GenRules, GenRankedBallots, GenYesNoBallots)
            .SelectMany((rules, ranked, yesNo) =>
            {
                var ballots = rules.Method == VotingMethod.YesNo ? yesNo : ranked;
                return Gen.Shuffle(ballots.ToArray()).Select(shuffled => (rules, ballots, shuffled));
            })
            .Sample((rules, ballots, shuffled) =>
            {
                var original = TallyCalculator.Compute(rules, ballots, 40, 20);
                var reordered = TallyCalculator.Compute(rules, shuffled, 40, 20);

                JsonSerializer.Serialize(reordered).ShouldBe(JsonSerializer.Serialize(original));
            });
}
