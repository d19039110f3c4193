using EngagementPlatform.Framework.Exceptions;
using EngagementPlatform.SaaS.Domain;
using EngagementPlatform.SaaS.Persistence;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.SaaS.Application.Editions;

public sealed record UpdateEditionCommand(Guid Id, EditionRequest Edition) : ICommand<EditionDto>;

public sealed class UpdateEditionValidator : AbstractValidator<UpdateEditionCommand>
{
    public UpdateEditionValidator() => this.ValidEdition(c => c.Edition);
}

public sealed class UpdateEditionHandler(ISaasDbContext db) : ICommandHandler<UpdateEditionCommand, EditionDto>
{
    public async ValueTask<EditionDto> Handle(UpdateEditionCommand command, CancellationToken cancellationToken)
    {
        var edition = await db.Editions.FirstOrDefaultAsync(e => e.Id == command.Id, cancellationToken)
                      ?? throw new EntityNotFoundException(nameof(Edition), command.Id);
        await EditionRules.ApplyAsync(db, edition, command.Edition, cancellationToken);
        return EditionDto.From(edition);
    }
}
