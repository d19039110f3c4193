using EngagementPlatform.Framework.Exceptions;
using EngagementPlatform.Framework.Jobs;
using EngagementPlatform.Framework.Timing;
using EngagementPlatform.Governance.Jobs;
using EngagementPlatform.Governance.Persistence;
using Mediator;

namespace EngagementPlatform.Governance.Application.Decisions;

/// <summary>
/// Opens voting: the council's voting seat holders today become the eligible voters (frozen), and when the decision
/// has a deadline the automatic close and the reminder a day before are scheduled.
/// </summary>
public sealed record OpenVotingCommand(Guid Id) : ICommand<DecisionDto>;

public sealed class OpenVotingHandler(IGovernanceDbContext db, IClock clock, ITenantCalendar calendar, IJobScheduler jobs) : ICommandHandler<OpenVotingCommand, DecisionDto>
{
    public async ValueTask<DecisionDto> Handle(OpenVotingCommand command, CancellationToken cancellationToken)
    {
        var decision = await db.LoadDecisionAsync(command.Id, cancellationToken);
        var council = await db.LoadCouncilAsync(decision.CouncilId, cancellationToken, tracking: false);
        var today = await calendar.TodayAsync(cancellationToken);
        if (council.RequireComplianceToVote && !council.ComplianceOn(today).Compliant)
        {
            throw new StateConflictException(GovernanceErrorCodes.CouncilNotCompliant);
        }

        decision.OpenVoting(clock.Now, council.VotingHoldersOn(today));
        if (decision.VotingClosesAt is { } closesAt)
        {
            decision.CloseVotingJobId = jobs.Schedule<CloseVotingJob>(job => job.RunAsync(decision.Id), closesAt);
            if (closesAt.AddHours(-24) > clock.Now)
            {
                jobs.Schedule<VotingReminderJob>(job => job.RunAsync(decision.Id), closesAt.AddHours(-24));
            }
        }

        return await db.DecisionDtoAsync(decision, clock.Now, cancellationToken);
    }
}
