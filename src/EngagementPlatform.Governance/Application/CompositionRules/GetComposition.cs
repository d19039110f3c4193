using EngagementPlatform.Framework.Localization;
using EngagementPlatform.Framework.Timing;
using EngagementPlatform.Governance.Domain;
using EngagementPlatform.Governance.Domain.Composition;
using EngagementPlatform.Governance.Domain.Councils;
using EngagementPlatform.Governance.Persistence;
using Mediator;

namespace EngagementPlatform.Governance.Application.CompositionRules;

/// <summary>The council's make-up against its rules on a date (today when left out).</summary>
public sealed record GetCompositionQuery(Guid CouncilId, DateOnly? Date) : IQuery<CompositionDto>;

public sealed class GetCompositionHandler(IGovernanceDbContext db, ITenantCalendar calendar, ITextLocalizer texts) : IQueryHandler<GetCompositionQuery, CompositionDto>
{
    public async ValueTask<CompositionDto> Handle(GetCompositionQuery query, CancellationToken cancellationToken)
    {
        var council = await db.LoadCouncilAsync(query.CouncilId, cancellationToken, tracking: false);
        var date = query.Date ?? await calendar.TodayAsync(cancellationToken);
        var compliance = council.ComplianceOn(date);
        var names = council.Rules.ToDictionary(r => r.Id, r => r.Name);
        var seats = council.SeatsOn(date);
        return new CompositionDto(
            date,
            compliance.Compliant,
            compliance.VotingSeats,
            compliance.FilledVotingSeats,
            compliance.Rules.Select(r => new RuleComplianceDto(
                r.RuleId, names.GetValueOrDefault(r.RuleId), r.Kind, r.Categories, r.InEffect, r.Compliant, r.MinimumShare, r.ActualShare,
                r.RequiredSeats, r.ActualSeats, r.Shortfall, Summarize(r, texts))).ToList(),
            Enum.GetValues<SeatCategory>()
                .Select(c => new CategoryCountDto(c, seats.Count(s => s.Category == c), seats.Count(s => s.Category == c && s.IsVoting),
                    seats.Count(s => s.Category == c && s.IsFilled), seats.Count(s => s.Category == c && !s.IsFilled)))
                .Where(c => c.Seats > 0)
                .ToList());
    }

    /// <summary>A plain-language line for the composition panel, in the request's language.</summary>
    internal static string Summarize(RuleCompliance rule, ITextLocalizer texts)
    {
        if (!rule.InEffect)
        {
            return texts[GovernanceTexts.ComplianceNotInEffect];
        }

        if (rule.Compliant)
        {
            return texts[GovernanceTexts.ComplianceMet];
        }

        var values = new Dictionary<string, object?>
        {
            ["categories"] = string.Join(texts[GovernanceTexts.ListSeparator], rule.Categories.Select(c => texts.Word(c))),
            ["count"] = rule.Shortfall,
        };
        var key = rule.Kind == CompositionRuleKind.ChairFrom ? GovernanceTexts.ComplianceNeedsChair
            : rule.Shortfall == 1 ? GovernanceTexts.ComplianceNeedsOne
            : GovernanceTexts.ComplianceNeedsMany;
        return texts.Format(key, values);
    }
}
