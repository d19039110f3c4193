using EngagementPlatform.Framework.MultiTenancy;
using EngagementPlatform.Identity.Domain;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace EngagementPlatform.Identity.Application.Users;

public sealed record CreateUserCommand(
    string UserName,
    string Email,
    string Password,
    string? Name,
    IReadOnlyList<string>? RoleNames,
    string? PreferredLanguage) : ICommand<CreatedId>;

public sealed class CreateUserValidator : AbstractValidator<CreateUserCommand>
{
    public CreateUserValidator()
    {
        RuleFor(c => c.UserName).ValidUserName();
        RuleFor(c => c.Email).ValidEmail();
        RuleFor(c => c.Password).NotEmpty().MaximumLength(128);
        RuleFor(c => c.Name).MaximumLength(128);
        RuleFor(c => c.PreferredLanguage).ValidLanguage();
        RuleFor(c => c.RoleNames).ValidRoleNames();
    }
}

public sealed class CreateUserHandler(
    UserManager<User> users,
    RoleManager<Role> roles,
    ICurrentTenant currentTenant,
    ITenantStore tenants,
    IOptions<PasswordChangeOptions> passwordChange,
    ActiveMemberLimit memberLimit) : ICommandHandler<CreateUserCommand, CreatedId>
{
    public async ValueTask<CreatedId> Handle(CreateUserCommand command, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> roleNames = command.RoleNames ?? [RoleNames.Member];
        if (ActiveMemberLimit.Includes(roleNames))
        {
            // A new user is active: with the member role they take one of the plan's member places.
            await memberLimit.EnsureRoomForOneMoreAsync(cancellationToken);
        }

        var user = new User
        {
            Id = Guid.CreateVersion7(),
            UserName = command.UserName.Trim(),
            Email = command.Email.Trim(),
            Name = string.IsNullOrWhiteSpace(command.Name) ? command.UserName.Trim() : command.Name.Trim(),
            PreferredLanguage = command.PreferredLanguage
                                ?? (currentTenant.Id is { } tenantId ? (await tenants.FindAsync(tenantId, cancellationToken))?.DefaultLanguage : null)
                                ?? "en",
            // The admin chose this password: the person replaces it at first sign-in.
            MustChangePassword = passwordChange.Value.ChangeAssignedPasswordAtFirstSignIn,
        };
        (await users.CreateAsync(user, command.Password)).ThrowIfFailed();
        await UserRules.SetRolesAsync(users, roles, user, roleNames);
        return new CreatedId(user.Id);
    }
}
