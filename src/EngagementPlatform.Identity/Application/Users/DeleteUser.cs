using EngagementPlatform.Framework.Exceptions;
using EngagementPlatform.Framework.Users;
using EngagementPlatform.Identity.Domain;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace EngagementPlatform.Identity.Application.Users;

public sealed record DeleteUserCommand(Guid Id) : ICommand;

public sealed class DeleteUserHandler(UserManager<User> users, ICurrentUser currentUser) : ICommandHandler<DeleteUserCommand>
{
    public async ValueTask<Unit> Handle(DeleteUserCommand command, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(command.Id.ToString()) ?? throw new EntityNotFoundException(nameof(User), command.Id);
        if (user.Id == currentUser.Id)
        {
            throw new StateConflictException(IdentityErrorCodes.CannotDeleteSelf);
        }

        // Soft delete (the unit of work turns the removal into IsDeleted): history that names this user stays readable.
        (await users.DeleteAsync(user)).ThrowIfFailed();
        return Unit.Value;
    }
}
