using Mediator;

namespace EngagementPlatform.Framework.UnitOfWork;

/// <summary>Wraps every command in a unit of work; a command sent from inside another joins the outer one.</summary>
public sealed class UnitOfWorkBehavior<TMessage, TResponse>(IUnitOfWork unitOfWork) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (message is not IBaseCommand || unitOfWork.IsActive)
        {
            return await next(message, cancellationToken);
        }

        await using var scope = await unitOfWork.BeginAsync(cancellationToken);
        var response = await next(message, cancellationToken);
        await scope.CompleteAsync(cancellationToken);
        return response;
    }
}
