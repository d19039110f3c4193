using EngagementPlatform.Framework.Data;
using EngagementPlatform.Framework.Exceptions;
using EngagementPlatform.Framework.Jobs;
using EngagementPlatform.Framework.Timing;
using EngagementPlatform.Governance.Domain;
using EngagementPlatform.Governance.Domain.Decisions;
using EngagementPlatform.Governance.Jobs;
using EngagementPlatform.Governance.Persistence;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.Governance.Application.Decisions;

public sealed record CreateDecisionCommand(
    Guid CouncilId,
    string Title,
    string? Description,
    VotingMethod Method,
    IReadOnlyList<string>? Options,
    decimal Quorum,
    Threshold Threshold,
    bool SecretBallot,
    DateTimeOffset? VotingClosesAt,
    bool? ConcurrentMajority,
    int? CommunityQuorum,
    bool? AllowPublicInput) : ICommand<DecisionDto>;

public sealed record GetDecisionsQuery(PageRequest Page, Guid? CouncilId, DecisionState? State, bool? Overdue) : IQuery<PagedResult<DecisionDto>>;

public sealed record GetDecisionQuery(Guid Id) : IQuery<DecisionDto>;

public enum DecisionAction
{
    OpenInput,
    OpenVoting,
    Close,
}

public sealed record DecisionActionCommand(Guid Id, DecisionAction Action) : ICommand<DecisionDto>;

public sealed record WithdrawRequest(string Reason);

public sealed record WithdrawDecisionCommand(Guid Id, string Reason) : ICommand<DecisionDto>;

public sealed record ImplementRequest(string Note, DateOnly? ImplementedOn);

public sealed record ImplementDecisionCommand(Guid Id, string Note, DateOnly? ImplementedOn) : ICommand<DecisionDto>;

public sealed record RecusalRequest(Guid UserId, string Reason);

public sealed record RecuseCommand(Guid Id, Guid UserId, string Reason) : ICommand<DecisionDto>;

public sealed class CreateDecisionValidator : AbstractValidator<CreateDecisionCommand>
{
    public CreateDecisionValidator()
    {
        RuleFor(c => c.Title).NotEmpty().MaximumLength(300);
        RuleFor(c => c.Description).MaximumLength(20000);
        RuleFor(c => c.Method).IsInEnum();
        RuleFor(c => c.Threshold).IsInEnum();
        RuleFor(c => c.Quorum).InclusiveBetween(0m, 1m);
        RuleFor(c => c.CommunityQuorum).InclusiveBetween(1, 10000);
        RuleFor(c => c.Options).Must(o => o is null || o.Count == 0)
            .When(c => c.Method == VotingMethod.YesNo)
            .WithMessage(GovernanceTexts.YesNoHasNoOptions);
        RuleFor(c => c.Options).NotNull().Must(o => o!.Count is >= 2 and <= 50)
            .When(c => c.Method != VotingMethod.YesNo)
            .WithMessage(GovernanceTexts.OptionCount);
        RuleFor(c => c.Options).Must(o => o is null || o.Select(x => x?.Trim().ToUpperInvariant()).Distinct().Count() == o.Count)
            .WithMessage(GovernanceTexts.OptionsUnique);
        RuleForEach(c => c.Options).NotEmpty().MaximumLength(300);
        RuleFor(c => c.Threshold).Equal(Threshold.SimpleMajority).When(c => c.Method == VotingMethod.RankedChoice)
            .WithMessage(GovernanceTexts.RankedChoiceThreshold);
    }
}

public sealed class WithdrawDecisionValidator : AbstractValidator<WithdrawDecisionCommand>
{
    public WithdrawDecisionValidator() => RuleFor(c => c.Reason).NotEmpty().MaximumLength(2000);
}

public sealed class ImplementDecisionValidator : AbstractValidator<ImplementDecisionCommand>
{
    public ImplementDecisionValidator() => RuleFor(c => c.Note).NotEmpty().MaximumLength(4000);
}

public sealed class RecuseValidator : AbstractValidator<RecuseCommand>
{
    public RecuseValidator() => RuleFor(c => c.Reason).NotEmpty().MaximumLength(1000);
}

public sealed class DecisionHandlers(
    IGovernanceDbContext db,
    IClock clock,
    ITenantCalendar calendar,
    IJobScheduler jobs)
    : ICommandHandler<CreateDecisionCommand, DecisionDto>,
      IQueryHandler<GetDecisionsQuery, PagedResult<DecisionDto>>,
      IQueryHandler<GetDecisionQuery, DecisionDto>,
      ICommandHandler<DecisionActionCommand, DecisionDto>,
      ICommandHandler<WithdrawDecisionCommand, DecisionDto>,
      ICommandHandler<ImplementDecisionCommand, DecisionDto>,
      ICommandHandler<RecuseCommand, DecisionDto>
{
    public async ValueTask<DecisionDto> Handle(CreateDecisionCommand command, CancellationToken cancellationToken)
    {
        if (!await db.Councils.AnyAsync(c => c.Id == command.CouncilId, cancellationToken))
        {
            throw new FieldValidationException(FrameworkErrorCodes.EntityNotFound, new Dictionary<string, string[]>
            {
                ["councilId"] = ["There is no such council."],
            }, RefusalKind.NotFound);
        }

        var decision = new Decision(Guid.CreateVersion7(), command.CouncilId, command.Title.Trim(), command.Method, command.Options ?? [])
        {
            Description = command.Description,
            Quorum = command.Quorum,
            Threshold = command.Threshold,
            SecretBallot = command.SecretBallot,
            VotingClosesAt = command.VotingClosesAt?.ToUniversalTime(),
            ConcurrentMajority = command.ConcurrentMajority ?? false,
            CommunityQuorum = command.CommunityQuorum,
        };
        decision.AllowPublic(command.AllowPublicInput ?? false);
        db.Decisions.Add(decision);
        await db.SaveChangesAsync(cancellationToken);
        return DecisionDto.From(decision, 0, clock.Now);
    }

    public async ValueTask<PagedResult<DecisionDto>> Handle(GetDecisionsQuery query, CancellationToken cancellationToken)
    {
        var decisions = db.Decisions.AsNoTracking();
        if (query.CouncilId is { } councilId)
        {
            decisions = decisions.Where(d => d.CouncilId == councilId);
        }

        if (query.State is { } state)
        {
            decisions = decisions.Where(d => d.State == state);
        }

        if (query.Overdue == true)
        {
            var now = clock.Now;
            decisions = decisions.Where(d => d.State == DecisionState.Voting && d.RecordedAt == null && d.CloseTheLoopDueAt != null && d.CloseTheLoopDueAt < now);
        }

        var total = await decisions.LongCountAsync(cancellationToken);
        var page = await decisions.Include(d => d.Inputs).Include(d => d.Voters).AsSplitQuery()
            .OrderByDescending(d => d.CreationTime)
            .Skip(query.Page.Skip).Take(query.Page.Take)
            .ToListAsync(cancellationToken);
        var ids = page.Select(d => d.Id).ToList();
        var cast = await db.BallotParticipations.Where(p => ids.Contains(p.DecisionId))
            .GroupBy(p => p.DecisionId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
        return new PagedResult<DecisionDto>(total, page.Select(d => DecisionDto.From(d, cast.GetValueOrDefault(d.Id), clock.Now)).ToList());
    }

    public async ValueTask<DecisionDto> Handle(GetDecisionQuery query, CancellationToken cancellationToken)
        => await DtoAsync(await db.LoadDecisionAsync(query.Id, cancellationToken, tracking: false), cancellationToken);

    public async ValueTask<DecisionDto> Handle(DecisionActionCommand command, CancellationToken cancellationToken)
    {
        var decision = await db.LoadDecisionAsync(command.Id, cancellationToken);
        switch (command.Action)
        {
            case DecisionAction.OpenInput:
                decision.OpenInput();
                break;
            case DecisionAction.OpenVoting:
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

                break;
            default:
                decision.Close(clock.Now);
                break;
        }

        await db.SaveChangesAsync(cancellationToken);
        return await DtoAsync(decision, cancellationToken);
    }

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

        await db.SaveChangesAsync(cancellationToken);
        return await DtoAsync(decision, cancellationToken);
    }

    public async ValueTask<DecisionDto> Handle(ImplementDecisionCommand command, CancellationToken cancellationToken)
    {
        var decision = await db.LoadDecisionAsync(command.Id, cancellationToken);
        decision.Implement(command.ImplementedOn ?? await calendar.TodayAsync(cancellationToken), command.Note.Trim());
        await db.SaveChangesAsync(cancellationToken);
        return await DtoAsync(decision, cancellationToken);
    }

    public async ValueTask<DecisionDto> Handle(RecuseCommand command, CancellationToken cancellationToken)
    {
        var decision = await db.LoadDecisionAsync(command.Id, cancellationToken);
        decision.Recuse(command.UserId, command.Reason.Trim(), clock.Now);
        await db.SaveChangesAsync(cancellationToken);
        return await DtoAsync(decision, cancellationToken);
    }

    private async Task<DecisionDto> DtoAsync(Decision decision, CancellationToken cancellationToken)
    {
        var cast = await db.BallotParticipations.CountAsync(p => p.DecisionId == decision.Id, cancellationToken);
        return DecisionDto.From(decision, cast, clock.Now);
    }
}
