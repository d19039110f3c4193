using EngagementPlatform.Compensation.Domain;
using EngagementPlatform.Compensation.Persistence;
using EngagementPlatform.Framework.Application;
using EngagementPlatform.Framework.Exceptions;
using EngagementPlatform.Framework.Validation;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.Compensation.Application.Payees;

public sealed record CreateOrganizationPayeeCommand(string Name, string ContactEmail) : ICommand<CreatedId>;

public sealed class CreateOrganizationPayeeValidator : AbstractValidator<CreateOrganizationPayeeCommand>
{
    public CreateOrganizationPayeeValidator()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(Payee.MaxNameLength);
        RuleFor(c => c.ContactEmail).NotEmpty().MaximumLength(Payee.MaxEmailLength).DeliverableEmail();
    }
}

/// <summary>Adds a partner organization (a community-based organization paid as such) as a payee.</summary>
public sealed class CreateOrganizationPayeeHandler(ICompensationDbContext db) : ICommandHandler<CreateOrganizationPayeeCommand, CreatedId>
{
    public async ValueTask<CreatedId> Handle(CreateOrganizationPayeeCommand command, CancellationToken cancellationToken)
    {
        var name = command.Name.Trim();
        var lower = name.ToLower();
        if (await db.Payees.AnyAsync(p => p.Kind == PayeeKind.Organization && p.Name.ToLower() == lower, cancellationToken))
        {
            throw new StateConflictException(CompensationErrorCodes.DuplicatePayee);
        }

        var payee = Payee.ForOrganization(name, command.ContactEmail.Trim());
        db.Payees.Add(payee);
        return new CreatedId(payee.Id);
    }
}
