using EngagementPlatform.DataSharing.Domain;
using EngagementPlatform.DataSharing.Persistence;
using EngagementPlatform.Framework.Timing;
using FluentValidation;
using Mediator;

namespace EngagementPlatform.DataSharing.Application.Agreements;

public sealed record TerminateAgreementRequest(string Reason);

public sealed record TerminateAgreementCommand(Guid Id, string Reason) : ICommand;

public sealed class TerminateAgreementValidator : AbstractValidator<TerminateAgreementCommand>
{
    public TerminateAgreementValidator() => RuleFor(c => c.Reason).NotEmpty().MaximumLength(AgreementContent.MaxTermLength);
}

/// <summary>Ends a signed or active agreement early, with a reason; an open amendment ends with it.</summary>
public sealed class TerminateAgreementHandler(IDataSharingDbContext db, IClock clock) : ICommandHandler<TerminateAgreementCommand>
{
    public async ValueTask<Unit> Handle(TerminateAgreementCommand command, CancellationToken cancellationToken)
    {
        var agreement = await db.LoadForChangeAsync(command.Id, cancellationToken);
        agreement.Terminate(command.Reason, clock.Now);
        return Unit.Value;
    }
}
