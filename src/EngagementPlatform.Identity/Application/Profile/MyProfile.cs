using EngagementPlatform.Framework.Exceptions;
using EngagementPlatform.Framework.MultiTenancy;
using EngagementPlatform.Framework.Users;
using EngagementPlatform.Identity.Application.Users;
using EngagementPlatform.Identity.Domain;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace EngagementPlatform.Identity.Application.Profile;

public sealed record MyProfileDto(
    Guid Id,
    string UserName,
    string Email,
    string Name,
    string PreferredLanguage,
    IReadOnlyList<string> Roles,
    Guid? TenantId,
    string? TenantName);

public sealed record GetMyProfileQuery : IQuery<MyProfileDto>;

public sealed record UpdateMyProfileCommand(string? Email, string? Name, string? PreferredLanguage) : ICommand<MyProfileDto>;

public sealed class UpdateMyProfileValidator : AbstractValidator<UpdateMyProfileCommand>
{
    public UpdateMyProfileValidator()
    {
        RuleFor(c => c.Email!).ValidEmail().When(c => c.Email is not null);
        RuleFor(c => c.Name).MaximumLength(128);
        RuleFor(c => c.PreferredLanguage).ValidLanguage();
    }
}

public sealed class MyProfileHandlers(ICurrentUser currentUser, ICurrentTenant currentTenant, UserManager<User> users, IMediator mediator)
    : IQueryHandler<GetMyProfileQuery, MyProfileDto>, ICommandHandler<UpdateMyProfileCommand, MyProfileDto>
{
    public async ValueTask<MyProfileDto> Handle(GetMyProfileQuery query, CancellationToken cancellationToken)
    {
        var user = await mediator.Send(new GetUserQuery(currentUser.Id ?? Guid.Empty), cancellationToken);
        return new MyProfileDto(user.Id, user.UserName, user.Email, user.Name, user.PreferredLanguage, user.Roles, currentTenant.Id, currentTenant.Name);
    }

    public async ValueTask<MyProfileDto> Handle(UpdateMyProfileCommand command, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync((currentUser.Id ?? Guid.Empty).ToString())
                   ?? throw new EntityNotFoundException(nameof(User), currentUser.Id);
        user.Email = command.Email?.Trim() ?? user.Email;
        user.Name = string.IsNullOrWhiteSpace(command.Name) ? user.Name : command.Name.Trim();
        user.PreferredLanguage = command.PreferredLanguage ?? user.PreferredLanguage;
        (await users.UpdateAsync(user)).ThrowIfFailed();
        return await Handle(new GetMyProfileQuery(), cancellationToken);
    }
}
