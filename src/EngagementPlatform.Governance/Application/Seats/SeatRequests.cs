using EngagementPlatform.Governance.Domain;
using FluentValidation;

namespace EngagementPlatform.Governance.Application.Seats;

/// <summary>Category and voting are required: a missing category must not quietly count as a community seat.</summary>
public sealed record SeatRequest(string Title, SeatCategory? Category, bool? IsVoting, SeatRole? Role);

public sealed record AssignmentRequest(Guid UserId, DateOnly TermStart, DateOnly? TermEnd);

public sealed record AssignmentDto(Guid Id, Guid UserId, string Name, DateOnly TermStart, DateOnly? TermEnd, bool EndedEarly);

/// <summary>What adding and changing a seat both carry.</summary>
public interface ISeatFields
{
    string Title { get; }

    SeatCategory? Category { get; }

    bool? IsVoting { get; }

    SeatRole? Role { get; }
}

public sealed class SeatFieldsValidator : AbstractValidator<ISeatFields>
{
    public SeatFieldsValidator()
    {
        RuleFor(c => c.Title).NotEmpty().MaximumLength(200);
        RuleFor(c => c.Category).NotNull().IsInEnum();
        RuleFor(c => c.IsVoting).NotNull();
        RuleFor(c => c.Role).IsInEnum();
    }
}
