namespace EngagementPlatform.Governance.Domain.Voting;

/// <summary>
/// What one ballot says. YesNo uses <see cref="Choice"/>; Approval uses <see cref="Options"/> as the approved set;
/// RankedChoice uses <see cref="Options"/> in order of preference. An empty set or ranking is an abstention:
/// it counts toward quorum, never toward a result.
/// </summary>
public sealed record BallotContent(YesNoChoice? Choice, IReadOnlyList<Guid> Options)
{
    public static BallotContent YesNo(YesNoChoice choice) => new(choice, []);

    public static BallotContent Of(params Guid[] options) => new(null, options);

    public bool IsAbstention => Choice is YesNoChoice.Abstain || (Choice is null && Options.Count == 0);
}

/// <summary>A counted ballot and whether it came from the community side (for concurrent majorities).</summary>
public sealed record CountedBallot(BallotContent Content, bool IsCommunity);

public sealed record TallyRules(
    VotingMethod Method,
    decimal Quorum,
    Threshold Threshold,
    bool ConcurrentMajority,
    int? CommunityQuorum,
    IReadOnlyList<(Guid Id, string Title)> Options);

public sealed record TallyRound(int Round, IReadOnlyDictionary<string, int> Counts, string? Eliminated, int Exhausted);

public sealed record CommunityTally(int Eligible, int Cast, bool? Passed, bool QuorumReached);

public sealed record Tally(
    int Eligible,
    int Cast,
    int Abstained,
    bool QuorumReached,
    bool Passed,
    string? Winner,
    IReadOnlyDictionary<string, int> Counts,
    IReadOnlyList<TallyRound> Rounds,
    CommunityTally Community);

/// <summary>
/// Counts ballots. Pure and deterministic: the same ballots always give the same tally, so a closed tally can be
/// recounted from the stored ballots.
/// <list type="bullet">
/// <item>Quorum: ballots cast (abstentions included) are at least the quorum share of eligible voters.</item>
/// <item>Thresholds compare Yes with No (abstentions left out): SimpleMajority = more Yes than No; TwoThirds = Yes
/// at least twice No; Consensus = no No at all (and at least one Yes). For Approval the winner must be approved on
/// more than half / at least two thirds / all of the non-abstaining ballots.</item>
/// <item>RankedChoice is an instant runoff: an option with more than half of the continuing ballots wins; otherwise
/// the option with the fewest votes is eliminated and its ballots move to their next continuing choice. A tie for
/// fewest is broken by the earlier rounds (fewest votes in the latest round where they differ), then by the order
/// the options were listed (the later-listed option is eliminated). Approval ties for most approvals are broken the
/// same way: the earlier-listed option wins.</item>
/// <item>Concurrent majority: the measure must also pass among community-side ballots alone, by the same threshold.
/// Community quorum: at least N community-side ballots.</item>
/// </list>
/// </summary>
public static class TallyCalculator
{
    public static Tally Compute(TallyRules rules, IReadOnlyList<CountedBallot> ballots, int eligible, int communityEligible)
    {
        var cast = ballots.Count;
        var abstained = ballots.Count(b => b.Content.IsAbstention);
        var quorumReached = eligible > 0 && cast >= rules.Quorum * eligible;
        var community = ballots.Where(b => b.IsCommunity).ToList();
        var communityQuorum = rules.CommunityQuorum is not { } needed || community.Count >= needed;

        var (passed, winner, counts, rounds) = Decide(rules, ballots);
        bool? communityPassed = null;
        if (rules.ConcurrentMajority)
        {
            var (communityResult, communityWinner, _, _) = Decide(rules, community);
            communityPassed = rules.Method == VotingMethod.YesNo ? communityResult : communityResult && communityWinner == winner;
        }

        var overall = quorumReached && communityQuorum && passed && communityPassed != false;
        return new Tally(
            eligible,
            cast,
            abstained,
            quorumReached,
            overall,
            overall ? winner : null,
            counts,
            rounds,
            new CommunityTally(communityEligible, community.Count, communityPassed, communityQuorum));
    }

    private static (bool Passed, string? Winner, IReadOnlyDictionary<string, int> Counts, IReadOnlyList<TallyRound> Rounds) Decide(
        TallyRules rules, IReadOnlyList<CountedBallot> ballots) => rules.Method switch
    {
        VotingMethod.YesNo => YesNo(rules.Threshold, ballots),
        VotingMethod.Approval => Approval(rules, ballots),
        _ => RankedChoice(rules, ballots),
    };

    public static bool MeetsThreshold(Threshold threshold, int yes, int no) => threshold switch
    {
        Threshold.SimpleMajority => yes > no,
        Threshold.TwoThirds => yes > 0 && yes >= 2 * no,
        _ => yes > 0 && no == 0,
    };

    private static (bool, string?, IReadOnlyDictionary<string, int>, IReadOnlyList<TallyRound>) YesNo(Threshold threshold, IReadOnlyList<CountedBallot> ballots)
    {
        var yes = ballots.Count(b => b.Content.Choice == YesNoChoice.Yes);
        var no = ballots.Count(b => b.Content.Choice == YesNoChoice.No);
        var counts = new Dictionary<string, int>
        {
            [nameof(YesNoChoice.Yes)] = yes,
            [nameof(YesNoChoice.No)] = no,
            [nameof(YesNoChoice.Abstain)] = ballots.Count(b => b.Content.Choice == YesNoChoice.Abstain),
        };
        var passed = MeetsThreshold(threshold, yes, no);
        return (passed, passed ? nameof(YesNoChoice.Yes) : null, counts, []);
    }

    private static (bool, string?, IReadOnlyDictionary<string, int>, IReadOnlyList<TallyRound>) Approval(TallyRules rules, IReadOnlyList<CountedBallot> ballots)
    {
        var approvals = rules.Options.ToDictionary(o => o.Id, o => ballots.Count(b => b.Content.Options.Contains(o.Id)));
        var counts = rules.Options.ToDictionary(o => o.Title, o => approvals[o.Id]);
        var voting = ballots.Count(b => !b.Content.IsAbstention);
        if (voting == 0 || rules.Options.Count == 0)
        {
            return (false, null, counts, []);
        }

        // Most approvals; a tie goes to the earlier-listed option (Options are in listing order).
        var best = rules.Options.MaxBy(o => approvals[o.Id]);
        var support = approvals[best.Id];
        var passed = rules.Threshold switch
        {
            Threshold.SimpleMajority => support * 2 > voting,
            Threshold.TwoThirds => support * 3 >= voting * 2,
            _ => support == voting,
        };
        return (passed, passed ? best.Title : null, counts, []);
    }

    private static (bool, string?, IReadOnlyDictionary<string, int>, IReadOnlyList<TallyRound>) RankedChoice(TallyRules rules, IReadOnlyList<CountedBallot> ballots)
    {
        var order = rules.Options.Select((o, i) => (o.Id, Index: i)).ToDictionary(x => x.Id, x => x.Index);
        var titles = rules.Options.ToDictionary(o => o.Id, o => o.Title);
        var continuing = rules.Options.Select(o => o.Id).ToHashSet();
        var rankings = ballots.Where(b => !b.Content.IsAbstention).Select(b => b.Content.Options).ToList();
        var rounds = new List<TallyRound>();
        var history = new List<Dictionary<Guid, int>>();
        while (continuing.Count > 0)
        {
            var counts = continuing.ToDictionary(id => id, _ => 0);
            var exhausted = 0;
            foreach (var ranking in rankings)
            {
                var next = ranking.FirstOrDefault(continuing.Contains);
                if (next == Guid.Empty)
                {
                    exhausted++;
                }
                else
                {
                    counts[next]++;
                }
            }

            history.Add(counts);
            var active = rankings.Count - exhausted;
            var leader = counts.OrderByDescending(c => c.Value).ThenBy(c => order[c.Key]).FirstOrDefault();
            var titled = rules.Options.Where(o => continuing.Contains(o.Id)).ToDictionary(o => o.Title, o => counts[o.Id]);
            if (active > 0 && (leader.Value * 2 > active || continuing.Count == 1))
            {
                rounds.Add(new TallyRound(rounds.Count + 1, titled, null, exhausted));
                return (true, titles[leader.Key], rounds[0].Counts, rounds);
            }

            if (active == 0)
            {
                rounds.Add(new TallyRound(rounds.Count + 1, titled, null, exhausted));
                break;
            }

            var eliminated = continuing
                .OrderBy(id => counts[id])
                .ThenBy(id => EarlierRoundsKey(history, id), new LexicographicComparer())
                .ThenByDescending(id => order[id])
                .First();
            rounds.Add(new TallyRound(rounds.Count + 1, titled, titles[eliminated], exhausted));
            continuing.Remove(eliminated);
        }

        return (false, null, rounds.Count > 0 ? rounds[0].Counts : new Dictionary<string, int>(), rounds);
    }

    /// <summary>An option's votes in earlier rounds, latest first: fewer in the latest differing round is eliminated first.</summary>
    private static int[] EarlierRoundsKey(List<Dictionary<Guid, int>> history, Guid id)
        => history.Take(history.Count - 1).Reverse().Select(r => r.GetValueOrDefault(id)).ToArray();

    private sealed class LexicographicComparer : IComparer<int[]>
    {
        public int Compare(int[]? x, int[]? y)
        {
            for (var i = 0; i < Math.Min(x!.Length, y!.Length); i++)
            {
                var c = x[i].CompareTo(y[i]);
                if (c != 0)
                {
                    return c;
                }
            }

            return x.Length.CompareTo(y.Length);
        }
    }
}
