using EngagementPlatform.Governance.Application.Voting;
using Mediator;
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
