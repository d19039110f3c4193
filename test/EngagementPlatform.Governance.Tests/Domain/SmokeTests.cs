using EngagementPlatform.Governance.Domain;
using EngagementPlatform.Governance.Domain.Composition;

namespace EngagementPlatform.Governance.Tests.Domain;

public sealed class ComplianceSmokeTests
{
    [Fact]
    public void Ten_voting_seats_with_six_community_holders_meet_a_51_percent_rule_and_two_vacancies_break_it()
    {
        var seats = Enumerable.Range(0, 10)
            .Select(i => new SeatSnapshot(Guid.NewGuid(), i < 6 ? SeatCategory.CommunityMember : SeatCategory.AgencyStaff, true, SeatRole.Member, true))
            .ToList();
        var rule = new RuleSnapshot(Guid.NewGuid(), CompositionRuleKind.MinimumShare, new HashSet<SeatCategory> { SeatCategory.CommunityMember }, 0.51m, null, true);

        var full = ComplianceCalculator.Evaluate(seats, [rule]);
        full.Compliant.ShouldBeTrue();
        full.Rules[0].RequiredSeats.ShouldBe(6);

        seats[0] = seats[0] with { IsFilled = false };
        seats[1] = seats[1] with { IsFilled = false };
        var vacated = ComplianceCalculator.Evaluate(seats, [rule]);
        vacated.Compliant.ShouldBeFalse();
        vacated.Rules[0].Shortfall.ShouldBe(2);
        vacated.Rules[0].ActualSeats.ShouldBe(4);
        vacated.Rules[0].ActualShare.ShouldBe(0.4m);
    }
}
