using EngagementPlatform.Framework.Localization;
using FluentValidation;

namespace EngagementPlatform.Framework.Validation;

public static class ChoiceRules
{
    /// <summary>
    /// The value must be one of <paramref name="choices"/> (or null, when <paramref name="allowNull"/>); the field
    /// error is <see cref="FrameworkTexts.OneOf"/> in the request's language, listing the choices.
    /// </summary>
    public static IRuleBuilderOptions<T, TProperty> OneOf<T, TProperty>(this IRuleBuilder<T, TProperty> rule, IEnumerable<string> choices, bool allowNull = false)
        => rule.Must((_, value, context) =>
            {
                context.MessageFormatter.AppendArgument("choices", string.Join(", ", choices));
                return value is string text ? choices.Contains(text) : value is null && allowNull;
            })
            .WithMessage(FrameworkTexts.OneOf);
}
