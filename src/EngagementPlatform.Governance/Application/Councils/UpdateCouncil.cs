using EngagementPlatform.Framework.Exceptions;
using EngagementPlatform.Governance.Domain.Councils;
using EngagementPlatform.Governance.Persistence;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.Governance.Application.Councils;

/// <summary>Renames a council; fields left out keep their value.</summary>
public sealed record UpdateCouncilCommand(Guid Id, string Name, string? Description, string? Charter, bool? RequireComplianceToVote, int? MinimumCellSize)
    : ICommand, ICouncilFields
{
    public static UpdateCouncilCommand From(Guid id, CouncilRequest r) => new(id, r.Name, r.Description, r.Charter, r.RequireComplianceToVote, r.MinimumCellSize);
}

public sealed class UpdateCouncilValidator : AbstractValidator<UpdateCouncilCommand>
{
    public UpdateCouncilValidator() => Include(new CouncilFieldsValidator());
}

public sealed class UpdateCouncilHandler(IGovernanceDbContext db) : ICommandHandler<UpdateCouncilCommand>
{
    public async ValueTask<Unit> Handle(UpdateCouncilCommand command, CancellationToken cancellationToken)
    {
        var council = await db.Councils.FirstOrDefaultAsync(c => c.Id == command.Id, cancellationToken)
                      ?? throw new EntityNotFoundException(nameof(Council), command.Id);
        council.Name = command.Name.Trim();
        council.Description = command.Description?.Trim() ?? council.Description;
        council.Charter = command.Charter ?? council.Charter;
        council.RequireComplianceToVote = command.RequireComplianceToVote ?? council.RequireComplianceToVote;
        council.MinimumCellSize = command.MinimumCellSize ?? council.MinimumCellSize;
        return Unit.Value;
    }
}
