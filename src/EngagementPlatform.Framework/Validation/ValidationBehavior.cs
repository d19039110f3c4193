using FluentValidation;
using Mediator;

namespace EngagementPlatform.Framework.Validation;

/// <summary>
/// Checks that every member the message's types declare non-nullable is present (<see cref="RequiredMembers"/>),
/// then runs every FluentValidation validator of the message; any failure becomes a 400 before the handler runs.
/// </summary>
public sealed class ValidationBehavior<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validators)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var failures = RequiredMembers.Check(message);
        if (failures.Count > 0)
        {
            // Validators may dereference what is missing; report the missing members alone.
            throw new ValidationException(failures);
        }

        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(message, cancellationToken);
            failures.AddRange(result.Errors);
        }

        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }

        return await next(message, cancellationToken);
    }
}
