using EngagementPlatform.Framework.Jobs;
using EngagementPlatform.Framework.Timing;
using EngagementPlatform.Governance.Domain;
using EngagementPlatform.Governance.Persistence;
using FluentValidation;
using Mediator;

namespace EngagementPlatform.Governance.Application.Decisions;

public sealed record WithdrawRequest(string Reason);

public sealed record WithdrawDecisionCommand(Guid Id, string Reason) : ICommand<DecisionDto>;

public sealed class WithdrawDecisionValidator : AbstractValidator<WithdrawDecisionCommand>
{
    public WithdrawDecisionValidator() => RuleFor(c => c.Reason).NotEmpty().MaximumLength(2000);
}

public sealed class WithdrawDecisionHandler(IGovernanceDbContext db, IClock clock, IJobScheduler jobs) : ICommandHandler<WithdrawDecisionCommand, DecisionDto>
{
    public async ValueTask<DecisionDto> Handle(WithdrawDecisionCommand command, CancellationToken cancellationToken)
    {
        await db.LockDecisionAsync(command.Id, cancellationToken);
        var decision = await db.LoadDecisionAsync(command.Id, cancellationToken);
        var wasVoting = decision.State == DecisionState.Voting;
        decision.Withdraw(command.Reason.Trim());
        if (wasVoting && decision.SecretBallot)
        {
            await db.SealAsync(decision.Id, cancellationToken); // the ballot keys go with the secret that made them
        }

        if (decision.CloseVotingJobId is { } jobId)
        {
            jobs.Delete(jobId);
        }

        return await db.DecisionDtoAsync(decision, clock.Now, cancellationToken);
    }
}
