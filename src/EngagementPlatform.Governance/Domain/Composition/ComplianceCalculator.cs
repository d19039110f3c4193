namespace EngagementPlatform.Governance.Domain.Composition;

/// <summary>A seat as the compliance check sees it on one date.</summary>
public sealed record SeatSnapshot(Guid SeatId, SeatCategory Category, bool IsVoting, SeatRole Role, bool IsFilled);

/// <summary>A composition rule as it applies on one date (phases already resolved to one share).</summary>
public sealed record RuleSnapshot(
    Guid RuleId,
    CompositionRuleKind Kind,
    IReadOnlySet<SeatCategory> Categories,
    decimal? MinimumShare,
    int? MinimumSeats,
    bool InEffect);

public sealed record RuleCompliance(
    Guid RuleId,
    CompositionRuleKind Kind,
    IReadOnlyList<SeatCategory> Categories,
    bool InEffect,
    bool Compliant,
    decimal? MinimumShare,
    decimal? ActualShare,
    int RequiredSeats,
    int ActualSeats,
    int Shortfall);

public sealed record CompositionCompliance(int VotingSeats, int FilledVotingSeats, bool Compliant, IReadOnlyList<RuleCompliance> Rules);

/// <summary>
/// Checks a council's make-up against its rules. Vacant seats count against a rule: a rule about a share of voting
/// seats is measured against every voting seat, filled or not, so leaving community seats empty is non-compliance.
/// The shortfall is the number of seats that must be filled from the rule's categories to comply.
/// </summary>
public static class ComplianceCalculator
{
    public static CompositionCompliance Evaluate(IReadOnlyList<SeatSnapshot> seats, IReadOnlyList<RuleSnapshot> rules)
    {
        var votingSeats = seats.Count(s => s.IsVoting);
        var results = rules.Select(rule => Evaluate(seats, votingSeats, rule)).ToList();
        return new CompositionCompliance(votingSeats, seats.Count(s => s.IsVoting && s.IsFilled), results.All(r => r.Compliant), results);
    }

    /// <summary>The smallest whole number of seats that is at least <paramref name="share"/> of <paramref name="seats"/>.</summary>
    public static int RequiredSeats(decimal share, int seats) => (int)Math.Ceiling(share * seats);

    private static RuleCompliance Evaluate(IReadOnlyList<SeatSnapshot> seats, int votingSeats, RuleSnapshot rule)
    {
        var categories = rule.Categories.Order().ToList();
        if (!rule.InEffect)
        {
            return new RuleCompliance(rule.RuleId, rule.Kind, categories, false, true, rule.MinimumShare, null, 0, 0, 0);
        }

        switch (rule.Kind)
        {
            case CompositionRuleKind.MinimumShare:
            {
                var share = rule.MinimumShare ?? 0m;
                var held = seats.Count(s => s.IsVoting && s.IsFilled && rule.Categories.Contains(s.Category));
                var required = RequiredSeats(share, votingSeats);
                decimal? actual = votingSeats == 0 ? 0m : Math.Round((decimal)held / votingSeats, 4);
                return new RuleCompliance(rule.RuleId, rule.Kind, categories, true, held >= required, share, actual, required, held, Math.Max(0, required - held));
            }

            case CompositionRuleKind.MinimumSeats:
            {
                var required = rule.MinimumSeats ?? 0;
                var held = seats.Count(s => s.IsFilled && rule.Categories.Contains(s.Category));
                return new RuleCompliance(rule.RuleId, rule.Kind, categories, true, held >= required, null, null, required, held, Math.Max(0, required - held));
            }

            default:
            {
                var chair = seats.Any(s => s.IsFilled && s.Role is SeatRole.Chair or SeatRole.CoChair && rule.Categories.Contains(s.Category));
                return new RuleCompliance(rule.RuleId, rule.Kind, categories, true, chair, null, null, 1, chair ? 1 : 0, chair ? 0 : 1);
            }
        }
    }
}
