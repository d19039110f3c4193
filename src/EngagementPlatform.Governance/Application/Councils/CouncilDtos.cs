using EngagementPlatform.Governance.Application.CompositionRules;
using EngagementPlatform.Governance.Domain;
using EngagementPlatform.Governance.Domain.Councils;
using FluentValidation;

namespace EngagementPlatform.Governance.Application.Councils;

public sealed record CouncilSummaryDto(Guid Id, string Name, string? Description, int Seats, int VotingSeats, int VacantSeats, bool Compliant);

public sealed record HolderDto(Guid AssignmentId, Guid UserId, string Name, DateOnly TermStart, DateOnly? TermEnd);

public sealed record SeatDto(Guid Id, string Title, SeatCategory Category, bool IsVoting, SeatRole Role, bool IsVacant, HolderDto? Holder);

public sealed record CouncilDto(
    Guid Id,
    string Name,
    string? Description,
    string? Charter,
    bool RequireComplianceToVote,
    int MinimumCellSize,
    IReadOnlyList<SeatDto> Seats,
    IReadOnlyList<RuleDto> Rules);

public sealed record CouncilRequest(string Name, string? Description, string? Charter, bool? RequireComplianceToVote, int? MinimumCellSize);

/// <summary>What a council's create and update both carry, so they share one set of field rules.</summary>
public interface ICouncilFields
{
    string Name { get; }

    string? Description { get; }

    string? Charter { get; }

    int? MinimumCellSize { get; }
}

public sealed class CouncilFieldsValidator : AbstractValidator<ICouncilFields>
{
    public CouncilFieldsValidator()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(200);
        RuleFor(c => c.Description).MaximumLength(4000);
        RuleFor(c => c.Charter).MaximumLength(20000);
        RuleFor(c => c.MinimumCellSize).InclusiveBetween(2, 100);
    }
}
