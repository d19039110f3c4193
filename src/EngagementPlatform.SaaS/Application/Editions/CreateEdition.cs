using EngagementPlatform.SaaS.Domain;
using EngagementPlatform.SaaS.Persistence;
using FluentValidation;
using Mediator;

namespace EngagementPlatform.SaaS.Application.Editions;

public sealed record CreateEditionCommand(EditionRequest Edition) : ICommand<CreatedId>;

public sealed class CreateEditionValidator : AbstractValidator<CreateEditionCommand>
{
    public CreateEditionValidator() => this.ValidEdition(c => c.Edition);
}

public sealed class CreateEditionHandler(ISaasDbContext db) : ICommandHandler<CreateEditionCommand, CreatedId>
{
    public async ValueTask<CreatedId> Handle(CreateEditionCommand command, CancellationToken cancellationToken)
    {
        var edition = new Edition(Guid.CreateVersion7(), command.Edition.Name.Trim());
        await EditionRules.ApplyAsync(db, edition, command.Edition, cancellationToken);
        db.Editions.Add(edition);
        return new CreatedId(edition.Id);
    }
}
