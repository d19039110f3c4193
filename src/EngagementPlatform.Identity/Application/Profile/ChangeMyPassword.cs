using EngagementPlatform.Framework.Exceptions;
using EngagementPlatform.Framework.Users;
using EngagementPlatform.Identity.Domain;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace EngagementPlatform.Identity.Application.Profile;

public sealed record ChangeMyPasswordCommand(string CurrentPassword, string NewPassword) : ICommand;

public sealed class ChangeMyPasswordValidator : AbstractValidator<ChangeMyPasswordCommand>
{
    public ChangeMyPasswordValidator()
    {
        RuleFor(c => c.CurrentPassword).NotEmpty().MaximumLength(128);
        RuleFor(c => c.NewPassword).NotEmpty().MaximumLength(128);
    }
}

public sealed class ChangeMyPasswordHandler(UserManager<User> users, ICurrentUser currentUser) : ICommandHandler<ChangeMyPasswordCommand>
{
    public async ValueTask<Unit> Handle(ChangeMyPasswordCommand command, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync((currentUser.Id ?? Guid.Empty).ToString())
                   ?? throw new EntityNotFoundException(nameof(User), currentUser.Id);
        if (!await users.CheckPasswordAsync(user, command.CurrentPassword))
        {
            throw new FieldValidationException(
                IdentityErrorCodes.WrongCurrentPassword,
                new Dictionary<string, string[]> { ["currentPassword"] = [IdentityTexts.WrongCurrentPassword] });
        }

        if (string.Equals(command.CurrentPassword, command.NewPassword, StringComparison.Ordinal))
        {
            throw new FieldValidationException(
                IdentityErrorCodes.SamePassword,
                new Dictionary<string, string[]> { ["newPassword"] = [IdentityTexts.SamePassword] });
        }

        (await users.ChangePasswordAsync(user, command.CurrentPassword, command.NewPassword)).ThrowIfFailed("newPassword");
        if (user.MustChangePassword)
        {
            user.MustChangePassword = false;
            (await users.UpdateAsync(user)).ThrowIfFailed();
        }

        return Unit.Value;
    }
}
