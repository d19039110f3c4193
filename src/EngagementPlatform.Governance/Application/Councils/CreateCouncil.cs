using EngagementPlatform.Framework.Application;
using EngagementPlatform.Framework.Features;
using EngagementPlatform.Governance.Domain.Councils;
using EngagementPlatform.Governance.Persistence;
using EngagementPlatform.SaaS;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.Governance.Application.Councils;

public sealed record CreateCouncilCommand(string Name, string? Description, string? Charter, bool? RequireComplianceToVote, int? MinimumCellSize)
    : ICommand<CreatedId>, ICouncilFields
{
    public static CreateCouncilCommand From(CouncilRequest r) => new(r.Name, r.Description, r.Charter, r.RequireComplianceToVote, r.MinimumCellSize);
}

public sealed class CreateCouncilValidator : AbstractValidator<CreateCouncilCommand>
{
    public CreateCouncilValidator() => Include(new CouncilFieldsValidator());
}

/// <summary>Creates a council, within the number of councils the tenant's plan allows.</summary>
public sealed class CreateCouncilHandler(IGovernanceDbContext db, IFeatureChecker features) : ICommandHandler<CreateCouncilCommand, CreatedId>
{
    public async ValueTask<CreatedId> Handle(CreateCouncilCommand command, CancellationToken cancellationToken)
    {
        await features.CheckLimitAsync(SaasLimits.Councils, await db.Councils.LongCountAsync(cancellationToken), cancellationToken);
        var council = new Council(Guid.CreateVersion7(), command.Name.Trim())
        {
            Description = command.Description?.Trim(),
            Charter = command.Charter,
        };
        council.RequireComplianceToVote = command.RequireComplianceToVote ?? council.RequireComplianceToVote;
        council.MinimumCellSize = command.MinimumCellSize ?? council.MinimumCellSize;
        db.Councils.Add(council);
        return new CreatedId(council.Id);
    }
}
