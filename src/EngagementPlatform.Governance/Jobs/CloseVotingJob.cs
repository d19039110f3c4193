using EngagementPlatform.Framework.Jobs;
using EngagementPlatform.Framework.Timing;
using EngagementPlatform.Governance.Application.Decisions;
using EngagementPlatform.Governance.Application.Voting;
using EngagementPlatform.Governance.Domain;
using EngagementPlatform.Governance.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace EngagementPlatform.Governance.Jobs;

/// <summary>Closes voting at the deadline. Runs in the decision's tenant; closing an already-closed vote does nothing.</summary>
public sealed class CloseVotingJob(IMediator mediator, ILogger<CloseVotingJob> logger)
{
    public async Task RunAsync(Guid decisionId)
    {
        var closed = await mediator.Send(new CloseVotingCommand(decisionId, Automatic: true));
        logger.LogInformation("Voting deadline reached for decision {DecisionId}; closed now: {Closed}", decisionId, closed is not null);
    }
}

/// <summary>A day before the deadline, reminds eligible voters who have not voted.</summary>
public sealed class VotingReminderJob(IMediator mediator)
{
    public async Task RunAsync(Guid decisionId) => await mediator.Send(new RemindNonVotersCommand(decisionId));
}

/// <summary>
/// <c>governance:close-voting</c>, every five minutes in each active partnership: closes every vote whose deadline
/// has passed and is still open. The safety net behind the <see cref="CloseVotingJob"/> scheduled per decision (a
/// lost or deleted scheduled job, a database restored from a backup); closing is idempotent, so a vote the
/// scheduled job already closed is left as it is.
/// </summary>
public sealed class CloseOverdueVotingJob(IGovernanceDbContext db, IMediator mediator, IClock clock, ILogger<CloseOverdueVotingJob> logger) : IRecurringJob
{
    public const string Module = "governance";
    public const string Purpose = "close-voting";
    public const string Cron = "*/5 * * * *";

    public async Task RunAsync(RecurringJobRun run, CancellationToken cancellationToken)
    {
        var now = clock.Now;
        var overdue = await db.Decisions.AsNoTracking()
            .Where(d => d.State == DecisionState.Voting && d.VotingClosedAt == null && d.VotingClosesAt != null && d.VotingClosesAt <= now)
            .Select(d => d.Id)
            .ToListAsync(cancellationToken);
        foreach (var decisionId in overdue)
        {
            await mediator.Send(new CloseVotingCommand(decisionId, Automatic: true), cancellationToken);
            logger.LogInformation("Voting deadline passed for decision {DecisionId}; closed by the sweep", decisionId);
        }
    }
}
