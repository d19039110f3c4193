using EngagementPlatform.Identity;
using EngagementPlatform.Framework.Data;
using EngagementPlatform.Framework.Exceptions;
using EngagementPlatform.Framework.Localization;
using EngagementPlatform.Framework.Timing;
using EngagementPlatform.Framework.Validation;
using EngagementPlatform.Governance.Domain;
using EngagementPlatform.Governance.Domain.Composition;
using EngagementPlatform.Governance.Domain.Councils;
using EngagementPlatform.Governance.Persistence;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.Governance.Application.Councils;

public sealed record CreatedId(Guid Id);

public sealed record CouncilSummaryDto(Guid Id, string Name, string? Description, int Seats, int VotingSeats, int VacantSeats, bool Compliant);

public sealed record HolderDto(Guid AssignmentId, Guid UserId, string Name, DateOnly TermStart, DateOnly? TermEnd);

public sealed record SeatDto(Guid Id, string Title, SeatCategory Category, bool IsVoting, SeatRole Role, bool IsVacant, HolderDto? Holder);

public sealed record RulePhaseDto(DateOnly EffectiveFrom, decimal MinimumShare);

public sealed record RuleDto(
    Guid Id,
    string? Name,
    string? Source,
    CompositionRuleKind Kind,
    IReadOnlyList<SeatCategory> Categories,
    decimal? MinimumShare,
    int? MinimumSeats,
    IReadOnlyList<RulePhaseDto> Phases);

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

public sealed record SaveCouncilCommand(Guid? Id, string Name, string? Description, string? Charter, bool? RequireComplianceToVote, int? MinimumCellSize)
    : ICommand<CreatedId>
{
    public static SaveCouncilCommand From(Guid? id, CouncilRequest r) => new(id, r.Name, r.Description, r.Charter, r.RequireComplianceToVote, r.MinimumCellSize);
}

public sealed record GetCouncilsQuery(PageRequest Page) : IQuery<PagedResult<CouncilSummaryDto>>;

public sealed record GetCouncilQuery(Guid Id) : IQuery<CouncilDto>;

/// <summary>Category and voting are required: a missing category must not quietly count as a community seat.</summary>
public sealed record SeatRequest(string Title, SeatCategory? Category, bool? IsVoting, SeatRole? Role);

public sealed record SaveSeatCommand(Guid CouncilId, Guid? SeatId, string Title, SeatCategory? Category, bool? IsVoting, SeatRole? Role) : ICommand<CreatedId>;

public sealed record AssignmentRequest(Guid UserId, DateOnly TermStart, DateOnly? TermEnd);

public sealed record AssignSeatCommand(Guid CouncilId, Guid SeatId, Guid UserId, DateOnly TermStart, DateOnly? TermEnd) : ICommand<CreatedId>;

public sealed record EndCurrentTermCommand(Guid CouncilId, Guid SeatId) : ICommand;

public sealed record AssignmentDto(Guid Id, Guid UserId, string Name, DateOnly TermStart, DateOnly? TermEnd, bool EndedEarly);

public sealed record GetSeatHistoryQuery(Guid CouncilId, Guid SeatId) : IQuery<IReadOnlyList<AssignmentDto>>;

public sealed record CompositionRuleRequest(
    string? Name,
    CompositionRuleKind? Kind,
    IReadOnlyList<SeatCategory> Categories,
    decimal? MinimumShare,
    int? MinimumSeats,
    IReadOnlyList<RulePhaseDto>? Phases,
    string? Source);

public sealed record AddCompositionRuleCommand(Guid CouncilId, CompositionRuleRequest Rule) : ICommand<CreatedId>;

public sealed record AddRuleTemplateCommand(Guid CouncilId, string Template) : ICommand<CreatedId>;

public sealed record DeleteCompositionRuleCommand(Guid CouncilId, Guid RuleId) : ICommand;

public sealed record RuleComplianceDto(
    Guid Id,
    string? Name,
    CompositionRuleKind Kind,
    IReadOnlyList<SeatCategory> Categories,
    bool InEffect,
    bool Compliant,
    decimal? MinimumShare,
    decimal? ActualShare,
    int RequiredSeats,
    int ActualSeats,
    int Shortfall,
    string Summary);

public sealed record CategoryCountDto(SeatCategory Category, int Seats, int VotingSeats, int Filled, int Vacant);

public sealed record CompositionDto(
    DateOnly Date,
    bool Compliant,
    int VotingSeats,
    int FilledVotingSeats,
    IReadOnlyList<RuleComplianceDto> Rules,
    IReadOnlyList<CategoryCountDto> Categories);

public sealed record GetCompositionQuery(Guid CouncilId, DateOnly? Date) : IQuery<CompositionDto>;

public sealed class SaveCouncilValidator : AbstractValidator<SaveCouncilCommand>
{
    public SaveCouncilValidator()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(200);
        RuleFor(c => c.Description).MaximumLength(4000);
        RuleFor(c => c.Charter).MaximumLength(20000);
        RuleFor(c => c.MinimumCellSize).InclusiveBetween(2, 100);
    }
}

public sealed class SaveSeatValidator : AbstractValidator<SaveSeatCommand>
{
    public SaveSeatValidator()
    {
        RuleFor(c => c.Title).NotEmpty().MaximumLength(200);
        RuleFor(c => c.Category).NotNull().IsInEnum();
        RuleFor(c => c.IsVoting).NotNull();
        RuleFor(c => c.Role).IsInEnum();
    }
}

public sealed class AssignSeatValidator : AbstractValidator<AssignSeatCommand>
{
    // Left out, the start would bind as 0001-01-01: an open-ended term from the year 1 that blocks the seat and the person.
    public AssignSeatValidator() => RuleFor(c => c.TermStart).NotEmpty().WithMessage(GovernanceTexts.TermStartRequired);
}

public sealed class AddCompositionRuleValidator : AbstractValidator<AddCompositionRuleCommand>
{
    public AddCompositionRuleValidator()
    {
        RuleFor(c => c.Rule).NotNull();
        RuleFor(c => c.Rule.Name).MaximumLength(200).OverridePropertyName("name");
        RuleFor(c => c.Rule.Source).MaximumLength(500).OverridePropertyName("source");
        RuleFor(c => c.Rule.Categories).NotEmpty().OverridePropertyName("categories");
        RuleForEach(c => c.Rule.Categories).IsInEnum().OverridePropertyName("categories");
        RuleFor(c => c.Rule.MinimumShare).InclusiveBetween(0m, 1m).OverridePropertyName("minimumShare");
        RuleFor(c => c.Rule.MinimumSeats).InclusiveBetween(1, 1000).OverridePropertyName("minimumSeats");
        RuleFor(c => c.Rule).Must(r => KindOf(r) != CompositionRuleKind.MinimumShare || r.MinimumShare is not null || r.Phases is { Count: > 0 })
            .WithMessage(GovernanceTexts.ShareRuleNeedsShare).OverridePropertyName("minimumShare");
        RuleFor(c => c.Rule).Must(r => KindOf(r) != CompositionRuleKind.MinimumSeats || r.MinimumSeats is not null)
            .WithMessage(GovernanceTexts.SeatRuleNeedsSeats).OverridePropertyName("minimumSeats");
        RuleForEach(c => c.Rule.Phases).Must(p => p.MinimumShare is >= 0m and <= 1m)
            .WithMessage(GovernanceTexts.PhaseShare).OverridePropertyName("phases");
    }

    public static CompositionRuleKind KindOf(CompositionRuleRequest r)
        => r.Kind ?? (r.MinimumSeats is not null && r.MinimumShare is null && r.Phases is not { Count: > 0 } ? CompositionRuleKind.MinimumSeats : CompositionRuleKind.MinimumShare);
}

public sealed class AddRuleTemplateValidator : AbstractValidator<AddRuleTemplateCommand>
{
    public AddRuleTemplateValidator()
        => RuleFor(c => c.Template).OneOf([CompositionRuleTemplates.MedicaidAdvisoryCommittee]);
}

public sealed class CouncilHandlers(IGovernanceDbContext db, ITenantCalendar calendar, IUserDirectory users, ITextLocalizer texts)
    : ICommandHandler<SaveCouncilCommand, CreatedId>,
      IQueryHandler<GetCouncilsQuery, PagedResult<CouncilSummaryDto>>,
      IQueryHandler<GetCouncilQuery, CouncilDto>,
      ICommandHandler<SaveSeatCommand, CreatedId>,
      ICommandHandler<AssignSeatCommand, CreatedId>,
      ICommandHandler<EndCurrentTermCommand>,
      IQueryHandler<GetSeatHistoryQuery, IReadOnlyList<AssignmentDto>>,
      ICommandHandler<AddCompositionRuleCommand, CreatedId>,
      ICommandHandler<AddRuleTemplateCommand, CreatedId>,
      ICommandHandler<DeleteCompositionRuleCommand>,
      IQueryHandler<GetCompositionQuery, CompositionDto>
{
    public async ValueTask<CreatedId> Handle(SaveCouncilCommand command, CancellationToken cancellationToken)
    {
        Council council;
        if (command.Id is { } id)
        {
            council = await db.Councils.FirstOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw new EntityNotFoundException(nameof(Council), id);
            council.Name = command.Name.Trim();
        }
        else
        {
            council = new Council(Guid.CreateVersion7(), command.Name.Trim());
            db.Councils.Add(council);
        }

        council.Description = command.Description?.Trim() ?? council.Description;
        council.Charter = command.Charter ?? council.Charter;
        council.RequireComplianceToVote = command.RequireComplianceToVote ?? council.RequireComplianceToVote;
        council.MinimumCellSize = command.MinimumCellSize ?? council.MinimumCellSize;
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedId(council.Id);
    }

    public async ValueTask<PagedResult<CouncilSummaryDto>> Handle(GetCouncilsQuery query, CancellationToken cancellationToken)
    {
        var total = await db.Councils.LongCountAsync(cancellationToken);
        var councils = await db.Councils.AsNoTracking()
            .Include(c => c.Seats).ThenInclude(s => s.Assignments).Include(c => c.Rules).AsSplitQuery()
            .OrderBy(c => c.Name).Skip(query.Page.Skip).Take(query.Page.Take)
            .ToListAsync(cancellationToken);
        var today = await calendar.TodayAsync(cancellationToken);
        var items = councils.Select(c =>
        {
            var seats = c.SeatsOn(today);
            return new CouncilSummaryDto(c.Id, c.Name, c.Description, seats.Count, seats.Count(s => s.IsVoting), seats.Count(s => !s.IsFilled), c.ComplianceOn(today).Compliant);
        }).ToList();
        return new PagedResult<CouncilSummaryDto>(total, items);
    }

    public async ValueTask<CouncilDto> Handle(GetCouncilQuery query, CancellationToken cancellationToken)
    {
        var council = await db.LoadCouncilAsync(query.Id, cancellationToken, tracking: false);
        var today = await calendar.TodayAsync(cancellationToken);
        var holders = council.Seats.Select(s => s.HolderOn(today)).OfType<SeatAssignment>().ToList();
        var names = await users.FindAsync(holders.Select(h => h.UserId).ToList(), cancellationToken);
        return new CouncilDto(
            council.Id,
            council.Name,
            council.Description,
            council.Charter,
            council.RequireComplianceToVote,
            council.MinimumCellSize,
            council.Seats.OrderBy(s => s.Id).Select(s =>
            {
                var holder = s.HolderOn(today);
                return new SeatDto(s.Id, s.Title, s.Category, s.IsVoting, s.Role, holder is null, holder is null
                    ? null
                    : new HolderDto(holder.Id, holder.UserId, names.GetValueOrDefault(holder.UserId)?.Name ?? string.Empty, holder.TermStart, holder.TermEnd));
            }).ToList(),
            council.Rules.OrderBy(r => r.Id).Select(ToDto).ToList());
    }

    public async ValueTask<CreatedId> Handle(SaveSeatCommand command, CancellationToken cancellationToken)
    {
        var council = await db.LoadCouncilAsync(command.CouncilId, cancellationToken);
        var category = command.Category!.Value;
        var isVoting = command.IsVoting!.Value;
        var seat = command.SeatId is { } seatId ? council.FindSeat(seatId) : council.AddSeat(command.Title.Trim(), category, isVoting, command.Role ?? SeatRole.Member);
        seat.Title = command.Title.Trim();
        seat.Category = category;
        seat.IsVoting = isVoting;
        seat.Role = command.Role ?? seat.Role;
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedId(seat.Id);
    }

    public async ValueTask<CreatedId> Handle(AssignSeatCommand command, CancellationToken cancellationToken)
    {
        var council = await db.LoadCouncilAsync(command.CouncilId, cancellationToken);
        council.FindSeat(command.SeatId);
        var user = (await users.FindAsync([command.UserId], cancellationToken)).GetValueOrDefault(command.UserId);
        if (user is not { IsActive: true })
        {
            throw new FieldValidationException(GovernanceErrorCodes.UnknownUser, new Dictionary<string, string[]>
            {
                ["userId"] = ["There is no active user with this id in this partnership."],
            });
        }

        var assignment = council.Assign(command.SeatId, command.UserId, command.TermStart, command.TermEnd);
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedId(assignment.Id);
    }

    public async ValueTask<Unit> Handle(EndCurrentTermCommand command, CancellationToken cancellationToken)
    {
        var council = await db.LoadCouncilAsync(command.CouncilId, cancellationToken);
        council.EndCurrentTerm(command.SeatId, await calendar.TodayAsync(cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }

    public async ValueTask<IReadOnlyList<AssignmentDto>> Handle(GetSeatHistoryQuery query, CancellationToken cancellationToken)
    {
        var council = await db.LoadCouncilAsync(query.CouncilId, cancellationToken, tracking: false);
        var seat = council.FindSeat(query.SeatId);
        var names = await users.FindAsync(seat.Assignments.Select(a => a.UserId).ToList(), cancellationToken);
        return seat.Assignments.OrderBy(a => a.TermStart)
            .Select(a => new AssignmentDto(a.Id, a.UserId, names.GetValueOrDefault(a.UserId)?.Name ?? string.Empty, a.TermStart, a.TermEnd, a.EndedEarly))
            .ToList();
    }

    public async ValueTask<CreatedId> Handle(AddCompositionRuleCommand command, CancellationToken cancellationToken)
    {
        var council = await db.LoadCouncilAsync(command.CouncilId, cancellationToken);
        var request = command.Rule;
        var rule = new CompositionRule(Guid.CreateVersion7(), council.Id, AddCompositionRuleValidator.KindOf(request), request.Categories, request.Name?.Trim())
        {
            MinimumShare = request.MinimumShare,
            MinimumSeats = request.MinimumSeats,
            Source = request.Source?.Trim(),
            Phases = (request.Phases ?? []).OrderBy(p => p.EffectiveFrom).Select(p => new RulePhase(p.EffectiveFrom, p.MinimumShare)).ToList(),
        };
        council.AddRule(rule);
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedId(rule.Id);
    }

    public async ValueTask<CreatedId> Handle(AddRuleTemplateCommand command, CancellationToken cancellationToken)
    {
        var council = await db.LoadCouncilAsync(command.CouncilId, cancellationToken);
        var rule = council.AddRule(CompositionRuleTemplates.MedicaidAdvisoryCommitteeRule(council.Id));
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedId(rule.Id);
    }

    public async ValueTask<Unit> Handle(DeleteCompositionRuleCommand command, CancellationToken cancellationToken)
    {
        var council = await db.LoadCouncilAsync(command.CouncilId, cancellationToken);
        var rule = council.Rules.FirstOrDefault(r => r.Id == command.RuleId) ?? throw new EntityNotFoundException(nameof(CompositionRule), command.RuleId);
        db.CompositionRules.Remove(rule);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }

    public async ValueTask<CompositionDto> Handle(GetCompositionQuery query, CancellationToken cancellationToken)
    {
        var council = await db.LoadCouncilAsync(query.CouncilId, cancellationToken, tracking: false);
        var date = query.Date ?? await calendar.TodayAsync(cancellationToken);
        var compliance = council.ComplianceOn(date);
        var names = council.Rules.ToDictionary(r => r.Id, r => r.Name);
        var seats = council.SeatsOn(date);
        return new CompositionDto(
            date,
            compliance.Compliant,
            compliance.VotingSeats,
            compliance.FilledVotingSeats,
            compliance.Rules.Select(r => new RuleComplianceDto(
                r.RuleId, names.GetValueOrDefault(r.RuleId), r.Kind, r.Categories, r.InEffect, r.Compliant, r.MinimumShare, r.ActualShare,
                r.RequiredSeats, r.ActualSeats, r.Shortfall, Summarize(r, texts))).ToList(),
            Enum.GetValues<SeatCategory>()
                .Select(c => new CategoryCountDto(c, seats.Count(s => s.Category == c), seats.Count(s => s.Category == c && s.IsVoting),
                    seats.Count(s => s.Category == c && s.IsFilled), seats.Count(s => s.Category == c && !s.IsFilled)))
                .Where(c => c.Seats > 0)
                .ToList());
    }

    /// <summary>A plain-language line for the composition panel, in the request's language.</summary>
    internal static string Summarize(RuleCompliance rule, ITextLocalizer texts)
    {
        if (!rule.InEffect)
        {
            return texts[GovernanceTexts.ComplianceNotInEffect];
        }

        if (rule.Compliant)
        {
            return texts[GovernanceTexts.ComplianceMet];
        }

        var values = new Dictionary<string, object?>
        {
            ["categories"] = string.Join(texts[GovernanceTexts.ListSeparator], rule.Categories.Select(c => texts.Word(c))),
            ["count"] = rule.Shortfall,
        };
        var key = rule.Kind == CompositionRuleKind.ChairFrom ? GovernanceTexts.ComplianceNeedsChair
            : rule.Shortfall == 1 ? GovernanceTexts.ComplianceNeedsOne
            : GovernanceTexts.ComplianceNeedsMany;
        return texts.Format(key, values);
    }

    private static RuleDto ToDto(CompositionRule r) => new(
        r.Id, r.Name, r.Source, r.Kind, r.Categories, r.MinimumShare, r.MinimumSeats,
        r.Phases.Select(p => new RulePhaseDto(p.EffectiveFrom, p.MinimumShare)).ToList());
}
