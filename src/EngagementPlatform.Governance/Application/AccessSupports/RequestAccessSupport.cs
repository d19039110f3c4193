using EngagementPlatform.Framework.Application;
using EngagementPlatform.Framework.Exceptions;
using EngagementPlatform.Framework.Permissions;
using EngagementPlatform.Framework.Users;
using EngagementPlatform.Governance.Application.Meetings;
using EngagementPlatform.Governance.Domain.Meetings;
using EngagementPlatform.Governance.Persistence;
using EngagementPlatform.Identity;
using FluentValidation;
using Mediator;

namespace EngagementPlatform.Governance.Application.AccessSupports;

public sealed record AccessSupportRequest(AccessSupportKind Kind, string? Language, string? Details, Guid? UserId);

/// <summary>Asks for an interpreter, childcare, transport... for a meeting, for oneself or (staff) for someone else.</summary>
public sealed record RequestSupportCommand(Guid CouncilId, Guid MeetingId, AccessSupportRequest Support) : ICommand<CreatedId>;

public sealed class RequestSupportValidator : AbstractValidator<RequestSupportCommand>
{
    public RequestSupportValidator()
    {
        RuleFor(c => c.Support.Kind).IsInEnum().OverridePropertyName("kind");
        RuleFor(c => c.Support.Language).MaximumLength(64).OverridePropertyName("language");
        RuleFor(c => c.Support.Details).MaximumLength(2000).OverridePropertyName("details");
        RuleFor(c => c.Support.Language).NotEmpty().When(c => c.Support.Kind == AccessSupportKind.Interpreter)
            .WithMessage(GovernanceTexts.InterpreterLanguageRequired).OverridePropertyName("language");
    }
}

public sealed class RequestSupportHandler(IGovernanceDbContext db, IUserDirectory users, ICurrentUser currentUser, IPermissionChecker permissions)
    : ICommandHandler<RequestSupportCommand, CreatedId>
{
    public async ValueTask<CreatedId> Handle(RequestSupportCommand command, CancellationToken cancellationToken)
    {
        var meeting = await db.LoadMeetingAsync(command.CouncilId, command.MeetingId, cancellationToken);
        var request = command.Support;
        if (request.UserId is { } forUser && forUser != currentUser.Id)
        {
            // Asking on someone else's behalf is for the staff who run the meeting, and only for real people.
            if (!await permissions.IsGrantedAsync(GovernancePermissions.MeetingsManage, cancellationToken))
            {
                throw new NotPermittedException(FrameworkErrorCodes.Forbidden);
            }

            if (!(await users.FindAsync([forUser], cancellationToken)).ContainsKey(forUser))
            {
                throw new FieldValidationException(GovernanceErrorCodes.UnknownUser, new Dictionary<string, string[]>
                {
                    ["userId"] = ["There is no such person in this partnership."],
                });
            }
        }

        var support = meeting.RequestSupport(request.UserId ?? currentUser.Id, request.Kind, request.Language?.Trim(), request.Details?.Trim());
        return new CreatedId(support.Id);
    }
}
