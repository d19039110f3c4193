using EngagementPlatform.Framework.Exceptions;
using EngagementPlatform.Framework.Users;
using EngagementPlatform.Identity.Domain;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace EngagementPlatform.Identity.Application.Users;

public sealed record UpdateUserRequest(
    string Email,
    string? Name,
    IReadOnlyList<string>? RoleNames,
    string? PreferredLanguage,
    bool? IsActive);

public sealed record UpdateUserCommand(
    Guid Id,
    string Email,
    string? Name,
    IReadOnlyList<string>? RoleNames,
    string? PreferredLanguage,
    bool? IsActive) : ICommand<UserDto>
{
    public static UpdateUserCommand From(Guid id, UpdateUserRequest r) => new(id, r.Email, r.Name, r.RoleNames, r.PreferredLanguage, r.IsActive);
}

public sealed class UpdateUserValidator : AbstractValidator<UpdateUserCommand>
{
    public UpdateUserValidator()
    {
        RuleFor(c => c.Email).ValidEmail();
        RuleFor(c => c.Name).MaximumLength(128);
        RuleFor(c => c.PreferredLanguage).ValidLanguage();
        RuleFor(c => c.RoleNames).ValidRoleNames();
    }
}

public sealed class UpdateUserHandler(UserManager<User> users, RoleManager<Role> roles, ICurrentUser currentUser, IMediator mediator, ActiveMemberLimit memberLimit)
    : ICommandHandler<UpdateUserCommand, UserDto>
{
    public async ValueTask<UserDto> Handle(UpdateUserCommand command, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(command.Id.ToString()) ?? throw new EntityNotFoundException(nameof(User), command.Id);
        var request = command;
        if (user.Id == currentUser.Id && request.RoleNames is not null
            && !request.RoleNames.Contains(RoleNames.Admin, StringComparer.OrdinalIgnoreCase)
            && await users.IsInRoleAsync(user, RoleNames.Admin))
        {
            throw new StateConflictException(IdentityErrorCodes.CannotRemoveOwnAdminRole);
        }

        // Giving an active user the member role, or reactivating a member, takes one of the plan's member places.
        var isMember = await users.IsInRoleAsync(user, RoleNames.Member);
        var willBeMember = request.RoleNames is null ? isMember : ActiveMemberLimit.Includes(request.RoleNames);
        var willBeActive = request.IsActive ?? user.IsActive;
        if (willBeMember && willBeActive && !(isMember && user.IsActive))
        {
            await memberLimit.EnsureRoomForOneMoreAsync(cancellationToken);
        }

        user.Email = request.Email.Trim();
        user.Name = string.IsNullOrWhiteSpace(request.Name) ? user.Name : request.Name.Trim();
        user.PreferredLanguage = request.PreferredLanguage ?? user.PreferredLanguage;
        user.IsActive = request.IsActive ?? user.IsActive;
        (await users.UpdateAsync(user)).ThrowIfFailed();
        if (request.RoleNames is not null)
        {
            await UserRules.SetRolesAsync(users, roles, user, request.RoleNames);
        }

        return await mediator.Send(new GetUserQuery(user.Id), cancellationToken);
    }
}
