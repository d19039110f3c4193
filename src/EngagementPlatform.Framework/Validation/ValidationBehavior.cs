using FluentValidation;
using Mediator;

namespace EngagementPlatform.Framework.Validation;

/// <summary>
/// Checks that every member the message's types declare non-nullable is present (<see cref="RequiredMembers"/>),
/// then runs every FluentValidation validator of the message; every failure, missing members and rules alike, is
/// reported in one 400 before the handler runs.
/// </summary>
public sealed class ValidationBehavior<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validators)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var failures = RequiredMembers.Check(message);
        var missing = failures.Count > 0;
        foreach (var validator in validators)
        {
            try
            {
                var result = await validator.ValidateAsync(message, cancellationToken);
                var reported = failures.Select(f => f.PropertyName).ToHashSet(StringComparer.OrdinalIgnoreCase);
                failures.AddRange(result.Errors.Where(e => !missing || !reported.Contains(e.PropertyName)));
            }
            catch (NullReferenceException) when (missing)
            {
                // A rule dereferenced a member that is missing: that member is already reported; the person still
                // hears about every other field in the same answer.
            }
        }

        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }

        return await next(message, cancellationToken);
    }
}
