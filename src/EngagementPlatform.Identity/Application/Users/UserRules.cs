using EngagementPlatform.Framework.Exceptions;
using EngagementPlatform.Framework.Validation;
using EngagementPlatform.Identity.Domain;
using FluentValidation;
using Microsoft.AspNetCore.Identity;

namespace EngagementPlatform.Identity.Application.Users;

internal static class UserRules
{
    public static IRuleBuilderOptions<T, string> ValidUserName<T>(this IRuleBuilder<T, string> rule)
        => rule.NotEmpty().MaximumLength(64).Matches("^[A-Za-z0-9._@+-]+$")
            .WithMessage(IdentityTexts.UserNameCharacters);

    public static IRuleBuilderOptions<T, string> ValidEmail<T>(this IRuleBuilder<T, string> rule)
        => rule.NotEmpty().MaximumLength(256).DeliverableEmail();

    public static IRuleBuilderOptions<T, string?> ValidLanguage<T>(this IRuleBuilder<T, string?> rule)
        => rule.Must(l => l is null || Languages.Supported.Contains(l))
            .WithMessage(Framework.Localization.FrameworkTexts.Language);

    public static IRuleBuilderOptions<T, IReadOnlyList<string>?> ValidRoleNames<T>(this IRuleBuilder<T, IReadOnlyList<string>?> rule)
        => rule.Must(r => r is null || (r.Count <= 16 && r.All(n => !string.IsNullOrWhiteSpace(n) && n.Length <= 64)))
            .WithMessage(IdentityTexts.RoleNames);

    /// <summary>Replaces the user's roles with the given ones; every name must be a role of this tenant.</summary>
    public static async Task SetRolesAsync(UserManager<User> users, RoleManager<Role> roles, User user, IReadOnlyList<string> roleNames)
    {
        var wanted = roleNames.Select(n => n.Trim().ToLowerInvariant()).Distinct().ToList();
        foreach (var name in wanted)
        {
            if (!await roles.RoleExistsAsync(name))
            {
                throw new FieldValidationException(IdentityErrorCodes.UnknownRole, new Dictionary<string, string[]>
                {
                    ["roleNames"] = [IdentityErrorCodes.UnknownRole],
                }).WithData("role", name);
            }
        }

        var current = await users.GetRolesAsync(user);
        var remove = current.Except(wanted, StringComparer.OrdinalIgnoreCase).ToList();
        var add = wanted.Except(current, StringComparer.OrdinalIgnoreCase).ToList();
        if (remove.Count > 0)
        {
            (await users.RemoveFromRolesAsync(user, remove)).ThrowIfFailed();
        }

        if (add.Count > 0)
        {
            (await users.AddToRolesAsync(user, add)).ThrowIfFailed();
        }
    }
}
