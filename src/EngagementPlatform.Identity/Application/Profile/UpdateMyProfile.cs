using EngagementPlatform.Framework.Exceptions;
using EngagementPlatform.Framework.Users;
using EngagementPlatform.Identity.Application.Users;
using EngagementPlatform.Identity.Domain;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace EngagementPlatform.Identity.Application.Profile;

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

public sealed class UpdateMyProfileHandler(ICurrentUser currentUser, UserManager<User> users, IMediator mediator) : ICommandHandler<UpdateMyProfileCommand, MyProfileDto>
{
    public async ValueTask<MyProfileDto> Handle(UpdateMyProfileCommand command, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync((currentUser.Id ?? Guid.Empty).ToString())
                   ?? throw new EntityNotFoundException(nameof(User), currentUser.Id);
        user.Email = command.Email?.Trim() ?? user.Email;
        user.Name = string.IsNullOrWhiteSpace(command.Name) ? user.Name : command.Name.Trim();
        user.PreferredLanguage = command.PreferredLanguage ?? user.PreferredLanguage;
        // UserManager saves by itself (docs/adr: ASP.NET Identity's managers save).
        (await users.UpdateAsync(user)).ThrowIfFailed();
        return await mediator.Send(new GetMyProfileQuery(), cancellationToken);
    }
}
