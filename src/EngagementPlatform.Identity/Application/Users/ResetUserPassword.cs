using EngagementPlatform.Framework.Exceptions;
using EngagementPlatform.Framework.Users;
using EngagementPlatform.Identity.Domain;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace EngagementPlatform.Identity.Application.Users;

public sealed record ResetUserPasswordRequest(string NewPassword);

/// <summary>
/// An admin gives a user of their own side (a tenant admin a user of their partnership, the host admin a host user:
/// the tenant filter finds no one else) a temporary password. The user must replace it at their next sign-in; the
/// reset also lifts a lockout and ends the user's other sign-ins (new security stamp).
/// </summary>
public sealed record ResetUserPasswordCommand(Guid Id, string NewPassword) : ICommand;

public sealed class ResetUserPasswordValidator : AbstractValidator<ResetUserPasswordCommand>
{
    public ResetUserPasswordValidator() => RuleFor(c => c.NewPassword).NotEmpty().MaximumLength(128);
}

public sealed class ResetUserPasswordHandler(UserManager<User> users, ICurrentUser currentUser) : ICommandHandler<ResetUserPasswordCommand>
{
    public async ValueTask<Unit> Handle(ResetUserPasswordCommand command, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(command.Id.ToString()) ?? throw new EntityNotFoundException(nameof(User), command.Id);
        if (user.Id == currentUser.Id)
        {
            throw new StateConflictException(IdentityErrorCodes.CannotResetOwnPassword);
        }

        var token = await users.GeneratePasswordResetTokenAsync(user);
        (await users.ResetPasswordAsync(user, token, command.NewPassword)).ThrowIfFailed("newPassword");
        user.MustChangePassword = true;
        user.AccessFailedCount = 0;
        user.LockoutEnd = null;
        (await users.UpdateAsync(user)).ThrowIfFailed();
        return Unit.Value;
    }
}
