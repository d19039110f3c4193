using EngagementPlatform.Governance.Domain;
using EngagementPlatform.Governance.Domain.Composition;

namespace EngagementPlatform.Governance.Tests.Domain;

public sealed class ComplianceCalculatorTests
{
    private static readonly HashSet<SeatCategory> CommunityOnly = [SeatCategory.CommunityMember];

    private static SeatSnapshot Seat(SeatCategory category, bool voting = true, bool filled = true, SeatRole role = SeatRole.Member)
        => new(Guid.NewGuid(), category, voting, role, filled);

    private static RuleSnapshot ShareRule(decimal share, IReadOnlySet<SeatCategory>? categories = null, bool inEffect = true)
        => new(Guid.NewGuid(), CompositionRuleKind.MinimumShare, categories ?? CommunityOnly, share, null, inEffect);

    private static RuleSnapshot SeatsRule(int seats, IReadOnlySet<SeatCategory>? categories = null)
        => new(Guid.NewGuid(), CompositionRuleKind.MinimumSeats, categories ?? CommunityOnly, null, seats, true);

    private static RuleSnapshot ChairRule(IReadOnlySet<SeatCategory>? categories = null)
        => new(Guid.NewGuid(), CompositionRuleKind.ChairFrom, categories ?? CommunityOnly, null, null, true);

    private static List<SeatSnapshot> TenSeatsSixCommunity()
        => [.. Enumerable.Range(0, 10).Select(i => Seat(i < 6 ? SeatCategory.CommunityMember : SeatCategory.AgencyStaff))];

    [Fact]
    public void Ten_voting_seats_with_six_community_holders_meet_a_51_percent_rule()
    {
        var rule = ShareRule(0.51m);

        var result = ComplianceCalculator.Evaluate(TenSeatsSixCommunity(), [rule]);

        result.Compliant.ShouldBeTrue();
        result.VotingSeats.ShouldBe(10);
        result.FilledVotingSeats.ShouldBe(10);
        var r = result.Rules.ShouldHaveSingleItem();
        r.RuleId.ShouldBe(rule.RuleId);
        r.Compliant.ShouldBeTrue();
        r.InEffect.ShouldBeTrue();
        r.MinimumShare.ShouldBe(0.51m);
        r.ActualShare.ShouldBe(0.6m);
        r.RequiredSeats.ShouldBe(6);
        r.ActualSeats.ShouldBe(6);
        r.Shortfall.ShouldBe(0);
    }

    [Fact]
    public void Vacating_two_community_seats_breaks_the_51_percent_rule_with_a_shortfall_of_two()
    {
        var seats = TenSeatsSixCommunity();
        seats[0] = seats[0] with { IsFilled = false };
        seats[1] = seats[1] with { IsFilled = false };

        var result = ComplianceCalculator.Evaluate(seats, [ShareRule(0.51m)]);

        result.Compliant.ShouldBeFalse();
        result.VotingSeats.ShouldBe(10);
        result.FilledVotingSeats.ShouldBe(8);
        var r = result.Rules.ShouldHaveSingleItem();
        r.Compliant.ShouldBeFalse();
        r.RequiredSeats.ShouldBe(6);
        r.ActualSeats.ShouldBe(4);
        r.Shortfall.ShouldBe(2);
        r.ActualShare.ShouldBe(0.4m);
    }

    [Fact]
    public void Vacant_seats_count_against_a_share_rule_in_the_denominator()
    {
        // 3 community holders of 6 voting seats, 2 of the others empty: 3/6 = 50%, not 3/4 = 75%.
        List<SeatSnapshot> seats =
        [
            Seat(SeatCategory.CommunityMember),
            Seat(SeatCategory.CommunityMember),
            Seat(SeatCategory.CommunityMember),
            Seat(SeatCategory.AgencyStaff),
            Seat(SeatCategory.AgencyStaff, filled: false),
            Seat(SeatCategory.Provider, filled: false),
        ];

        var r = ComplianceCalculator.Evaluate(seats, [ShareRule(0.51m)]).Rules.Single();

        r.Compliant.ShouldBeFalse();
        r.ActualShare.ShouldBe(0.5m);
        r.RequiredSeats.ShouldBe(4);
        r.ActualSeats.ShouldBe(3);
        r.Shortfall.ShouldBe(1);
    }

    [Fact]
    public void Non_voting_seats_are_ignored_by_share_rules()
    {
        // 2 community of 4 voting seats = 50%; three filled non-voting community seats change nothing.
        List<SeatSnapshot> seats =
        [
            Seat(SeatCategory.CommunityMember),
            Seat(SeatCategory.CommunityMember),
            Seat(SeatCategory.AgencyStaff),
            Seat(SeatCategory.AgencyStaff),
            Seat(SeatCategory.CommunityMember, voting: false),
            Seat(SeatCategory.CommunityMember, voting: false),
            Seat(SeatCategory.CommunityMember, voting: false),
        ];

        var result = ComplianceCalculator.Evaluate(seats, [ShareRule(0.51m)]);

        result.VotingSeats.ShouldBe(4);
        result.FilledVotingSeats.ShouldBe(4);
        var r = result.Rules.Single();
        r.Compliant.ShouldBeFalse();
        r.ActualShare.ShouldBe(0.5m);
        r.RequiredSeats.ShouldBe(3);
        r.ActualSeats.ShouldBe(2);
        r.Shortfall.ShouldBe(1);
    }

    [Fact]
    public void A_share_rule_counts_every_listed_category_and_reports_them_sorted()
    {
        var categories = new HashSet<SeatCategory> { SeatCategory.CommunityOrganization, SeatCategory.MedicaidMember };
        List<SeatSnapshot> seats =
        [
            Seat(SeatCategory.MedicaidMember),
            Seat(SeatCategory.CommunityOrganization),
            Seat(SeatCategory.CommunityMember),
            Seat(SeatCategory.AgencyStaff),
        ];

        var r = ComplianceCalculator.Evaluate(seats, [ShareRule(0.5m, categories)]).Rules.Single();

        r.Compliant.ShouldBeTrue();
        r.ActualSeats.ShouldBe(2);
        r.RequiredSeats.ShouldBe(2);
        r.Categories.ShouldBe([SeatCategory.MedicaidMember, SeatCategory.CommunityOrganization]);
    }

    [Fact]
    public void Minimum_seats_counts_filled_seats_of_the_categories_whether_voting_or_not()
    {
        List<SeatSnapshot> seats =
        [
            Seat(SeatCategory.CommunityMember),
            Seat(SeatCategory.CommunityMember, voting: false),
            Seat(SeatCategory.CommunityMember, filled: false),
            Seat(SeatCategory.CommunityMember, voting: false, filled: false),
            Seat(SeatCategory.AgencyStaff),
        ];

        var three = ComplianceCalculator.Evaluate(seats, [SeatsRule(3)]).Rules.Single();
        three.Compliant.ShouldBeFalse();
        three.RequiredSeats.ShouldBe(3);
        three.ActualSeats.ShouldBe(2);
        three.Shortfall.ShouldBe(1);
        three.MinimumShare.ShouldBeNull();
        three.ActualShare.ShouldBeNull();

        var two = ComplianceCalculator.Evaluate(seats, [SeatsRule(2)]).Rules.Single();
        two.Compliant.ShouldBeTrue();
        two.ActualSeats.ShouldBe(2);
        two.Shortfall.ShouldBe(0);
    }

    [Theory]
    [InlineData(SeatRole.Chair)]
    [InlineData(SeatRole.CoChair)]
    public void Chair_from_is_met_by_a_filled_chair_or_co_chair_seat_of_the_categories(SeatRole role)
    {
        List<SeatSnapshot> seats = [Seat(SeatCategory.AgencyStaff), Seat(SeatCategory.CommunityMember, role: role)];

        var r = ComplianceCalculator.Evaluate(seats, [ChairRule()]).Rules.Single();

        r.Compliant.ShouldBeTrue();
        r.RequiredSeats.ShouldBe(1);
        r.ActualSeats.ShouldBe(1);
        r.Shortfall.ShouldBe(0);
    }

    [Fact]
    public void Chair_from_is_not_met_by_a_vacant_chair_of_the_categories()
    {
        List<SeatSnapshot> seats = [Seat(SeatCategory.CommunityMember, filled: false, role: SeatRole.Chair), Seat(SeatCategory.CommunityMember)];

        var r = ComplianceCalculator.Evaluate(seats, [ChairRule()]).Rules.Single();

        r.Compliant.ShouldBeFalse();
        r.RequiredSeats.ShouldBe(1);
        r.ActualSeats.ShouldBe(0);
        r.Shortfall.ShouldBe(1);
    }

    [Fact]
    public void Chair_from_is_not_met_by_a_chair_of_another_category_or_a_plain_member_of_the_category()
    {
        List<SeatSnapshot> seats =
        [
            Seat(SeatCategory.AgencyStaff, role: SeatRole.Chair),
            Seat(SeatCategory.Provider, role: SeatRole.CoChair),
            Seat(SeatCategory.CommunityMember, role: SeatRole.Member),
        ];

        var result = ComplianceCalculator.Evaluate(seats, [ChairRule()]);

        result.Compliant.ShouldBeFalse();
        result.Rules.Single().Shortfall.ShouldBe(1);
    }

    [Fact]
    public void A_rule_not_in_effect_is_compliant_with_no_shortfall()
    {
        List<SeatSnapshot> seats = [Seat(SeatCategory.AgencyStaff), Seat(SeatCategory.AgencyStaff)];
        var rule = ShareRule(0.51m, inEffect: false);

        var result = ComplianceCalculator.Evaluate(seats, [rule]);

        result.Compliant.ShouldBeTrue();
        var r = result.Rules.Single();
        r.InEffect.ShouldBeFalse();
        r.Compliant.ShouldBeTrue();
        r.Shortfall.ShouldBe(0);
        r.RequiredSeats.ShouldBe(0);
        r.ActualSeats.ShouldBe(0);
        r.ActualShare.ShouldBeNull();
        r.MinimumShare.ShouldBe(0.51m);
    }

    [Fact]
    public void One_failing_rule_makes_the_council_non_compliant_and_each_rule_is_reported()
    {
        var seats = TenSeatsSixCommunity();

        var result = ComplianceCalculator.Evaluate(seats, [ShareRule(0.51m), ChairRule()]);

        result.Compliant.ShouldBeFalse();
        result.Rules.Select(r => r.Compliant).ShouldBe([true, false]);
    }

    [Fact]
    public void Zero_voting_seats_give_a_zero_share_and_require_no_seats()
    {
        List<SeatSnapshot> seats = [Seat(SeatCategory.CommunityMember, voting: false)];

        var result = ComplianceCalculator.Evaluate(seats, [ShareRule(0.51m)]);

        result.VotingSeats.ShouldBe(0);
        result.FilledVotingSeats.ShouldBe(0);
        var r = result.Rules.Single();
        r.ActualShare.ShouldBe(0m);
        r.RequiredSeats.ShouldBe(0);
        r.ActualSeats.ShouldBe(0);
        r.Shortfall.ShouldBe(0);
        r.Compliant.ShouldBeTrue();
    }

    [Fact]
    public void No_rules_means_compliant()
        => ComplianceCalculator.Evaluate(TenSeatsSixCommunity(), []).Compliant.ShouldBeTrue();

    [Theory]
    [InlineData("0.51", 10, 6)]
    [InlineData("0.25", 8, 2)]
    [InlineData("0.10", 15, 2)]
    [InlineData("1", 3, 3)]
    [InlineData("0", 5, 0)]
    [InlineData("0.5", 10, 5)]
    [InlineData("0.51", 0, 0)]
    public void Required_seats_is_the_smallest_whole_number_at_least_the_share(string share, int seats, int expected)
        => ComplianceCalculator.RequiredSeats(decimal.Parse(share, System.Globalization.CultureInfo.InvariantCulture), seats).ShouldBe(expected);
}
