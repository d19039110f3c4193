using EngagementPlatform.Framework.Exceptions;
using EngagementPlatform.Framework.Timing;
using EngagementPlatform.Framework.Users;
using EngagementPlatform.Framework.Validation;
using EngagementPlatform.Governance.Domain;
using EngagementPlatform.Governance.Domain.Decisions;
using EngagementPlatform.Governance.Domain.Diversity;
using EngagementPlatform.Governance.Persistence;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.Governance.Application.Influence;

/// <summary>Share of decided decisions where at least one community input was adopted or adapted.</summary>
public sealed record InfluenceDto(Guid? CouncilId, string? CouncilName, int Decided, int Influenced, decimal? Share);

public sealed record TenantInfluenceDto(InfluenceDto Overall, IReadOnlyList<InfluenceDto> Councils);

public sealed record MyInputDto(Guid InputId, string Text, DateTimeOffset CreatedAt, InputUse? Use, string? Explanation);

public sealed record MyDecisionInfluenceDto(Guid DecisionId, string Title, Guid CouncilId, DecisionState State, bool Influenced, string? Outcome, IReadOnlyList<MyInputDto> Inputs);

public sealed record GetCouncilInfluenceQuery(Guid CouncilId) : IQuery<InfluenceDto>;

public sealed record GetTenantInfluenceQuery : IQuery<TenantInfluenceDto>;

public sealed record GetMyInfluenceQuery : IQuery<IReadOnlyList<MyDecisionInfluenceDto>>;

/// <summary><see cref="Holders"/> is withheld (null) when the council is smaller than the minimum cell size.</summary>
public sealed record DiversityDto(int? Holders, int MinimumCellSize, IReadOnlyDictionary<string, IReadOnlyList<AggregateCell>> Dimensions);

public sealed record GetDiversityQuery(Guid CouncilId) : IQuery<DiversityDto>;

public sealed record DemographicsDto(string? Language, string? AgeBand, IReadOnlyList<string> RaceEthnicity, string? Neighborhood);

public sealed record GetMyDemographicsQuery : IQuery<DemographicsDto>;

public sealed record SaveMyDemographicsCommand(string? Language, string? AgeBand, IReadOnlyList<string>? RaceEthnicity, string? Neighborhood) : ICommand<DemographicsDto>;

public sealed record DeleteMyDemographicsCommand : ICommand;

public sealed record SettingsDto(int CloseTheLoopDays);

public sealed record GetSettingsQuery : IQuery<SettingsDto>;

public sealed record SaveSettingsCommand(int CloseTheLoopDays) : ICommand<SettingsDto>;

public sealed class SaveMyDemographicsValidator : AbstractValidator<SaveMyDemographicsCommand>
{
    public SaveMyDemographicsValidator()
    {
        RuleFor(c => c.Language).MaximumLength(64);
        RuleFor(c => c.Neighborhood).MaximumLength(100);
        RuleFor(c => c.AgeBand).OneOf(MemberDemographics.AgeBands, allowNull: true);
        RuleFor(c => c.RaceEthnicity).Must((_, r, context) =>
            {
                context.MessageFormatter.AppendArgument("choices", string.Join(", ", MemberDemographics.RaceEthnicityOptions));
                return r is null || (r.Count <= 8 && r.All(MemberDemographics.RaceEthnicityOptions.Contains));
            })
            .WithMessage(GovernanceTexts.RaceEthnicityChoices);
    }
}

public sealed class SaveSettingsValidator : AbstractValidator<SaveSettingsCommand>
{
    public SaveSettingsValidator() => RuleFor(c => c.CloseTheLoopDays).InclusiveBetween(1, 365);
}

public sealed class InfluenceHandlers(IGovernanceDbContext db, ITenantCalendar calendar, ICurrentUser currentUser)
    : IQueryHandler<GetCouncilInfluenceQuery, InfluenceDto>,
      IQueryHandler<GetTenantInfluenceQuery, TenantInfluenceDto>,
      IQueryHandler<GetMyInfluenceQuery, IReadOnlyList<MyDecisionInfluenceDto>>,
      IQueryHandler<GetDiversityQuery, DiversityDto>,
      IQueryHandler<GetMyDemographicsQuery, DemographicsDto>,
      ICommandHandler<SaveMyDemographicsCommand, DemographicsDto>,
      ICommandHandler<DeleteMyDemographicsCommand>,
      IQueryHandler<GetSettingsQuery, SettingsDto>,
      ICommandHandler<SaveSettingsCommand, SettingsDto>
{
    private static readonly InputUse?[] Influential = [InputUse.Adopted, InputUse.Adapted];

    public async ValueTask<InfluenceDto> Handle(GetCouncilInfluenceQuery query, CancellationToken cancellationToken)
    {
        var name = await db.Councils.Where(c => c.Id == query.CouncilId).Select(c => c.Name).FirstOrDefaultAsync(cancellationToken)
                   ?? throw new EntityNotFoundException("Council", query.CouncilId);
        return (await MeasureAsync(query.CouncilId, cancellationToken)).SingleOrDefault() ?? new InfluenceDto(query.CouncilId, name, 0, 0, null);
    }

    public async ValueTask<TenantInfluenceDto> Handle(GetTenantInfluenceQuery query, CancellationToken cancellationToken)
    {
        var councils = await MeasureAsync(null, cancellationToken);
        var decided = councils.Sum(c => c.Decided);
        var influenced = councils.Sum(c => c.Influenced);
        return new TenantInfluenceDto(new InfluenceDto(null, null, decided, influenced, Share(influenced, decided)), councils);
    }

    public async ValueTask<IReadOnlyList<MyDecisionInfluenceDto>> Handle(GetMyInfluenceQuery query, CancellationToken cancellationToken)
    {
        var me = currentUser.Id!.Value;
        var decisions = await db.Decisions.AsNoTracking()
            .Where(d => d.Inputs.Any(i => i.AuthorUserId == me))
            .Include(d => d.Inputs)
            .OrderByDescending(d => d.CreationTime)
            .ToListAsync(cancellationToken);
        return decisions.Select(d =>
        {
            var mine = d.Inputs.Where(i => i.AuthorUserId == me).OrderBy(i => i.CreatedAt).ToList();
            return new MyDecisionInfluenceDto(d.Id, d.Title, d.CouncilId, d.State, mine.Any(i => Influential.Contains(i.Use)), d.Outcome,
                mine.Select(i => new MyInputDto(i.Id, i.Text, i.CreatedAt, i.Use, i.UseExplanation)).ToList());
        }).ToList();
    }

    public async ValueTask<DiversityDto> Handle(GetDiversityQuery query, CancellationToken cancellationToken)
    {
        var council = await db.LoadCouncilAsync(query.CouncilId, cancellationToken, tracking: false);
        var today = await calendar.TodayAsync(cancellationToken);
        var holders = council.Seats.Select(s => s.HolderOn(today)?.UserId).OfType<Guid>().Distinct().ToList();
        var answers = await db.MemberDemographics.AsNoTracking().Where(d => holders.Contains(d.UserId)).ToListAsync(cancellationToken);
        var byUser = answers.ToDictionary(a => a.UserId);
        const string NotReported = "not-reported";

        Dictionary<string, int> Count(Func<MemberDemographics, IEnumerable<string>> values)
        {
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var holder in holders)
            {
                var given = byUser.TryGetValue(holder, out var d) ? values(d).Where(v => !string.IsNullOrWhiteSpace(v)).ToList() : [];
                foreach (var value in given.Count == 0 ? [NotReported] : given.Select(v => v.Trim().ToLowerInvariant()).Distinct())
                {
                    counts[value] = counts.GetValueOrDefault(value) + 1;
                }
            }

            return counts;
        }

        var min = council.MinimumCellSize;
        if (holders.Count < min)
        {
            // With fewer people than the smallest group we may show, any count (even the total) could identify someone.
            return new DiversityDto(null, min, new Dictionary<string, IReadOnlyList<AggregateCell>>());
        }

        // Withheld groups are merged into one nameless cell: even the name of a small group can point at a person.
        static IReadOnlyList<AggregateCell> Shown(IReadOnlyList<AggregateCell> cells)
            => cells.Any(c => c.Suppressed)
                ? [.. cells.Where(c => !c.Suppressed), new AggregateCell("withheld", null, true)]
                : cells;

        return new DiversityDto(holders.Count, min, new Dictionary<string, IReadOnlyList<AggregateCell>>
        {
            ["language"] = Shown(SmallCellSuppression.Suppress(Count(d => [d.Language ?? string.Empty]), min)),
            ["ageBand"] = Shown(SmallCellSuppression.Suppress(Count(d => [d.AgeBand ?? string.Empty]), min)),
            ["raceEthnicity"] = Shown(SmallCellSuppression.Suppress(Count(d => d.RaceEthnicity), min)),
            ["neighborhood"] = Shown(SmallCellSuppression.Suppress(Count(d => [d.Neighborhood ?? string.Empty]), min)),
        });
    }

    public async ValueTask<DemographicsDto> Handle(GetMyDemographicsQuery query, CancellationToken cancellationToken)
        => ToDto(await db.MemberDemographics.AsNoTracking().FirstOrDefaultAsync(d => d.UserId == currentUser.Id, cancellationToken));

    public async ValueTask<DemographicsDto> Handle(SaveMyDemographicsCommand command, CancellationToken cancellationToken)
    {
        var me = currentUser.Id!.Value;
        var answers = await db.MemberDemographics.FirstOrDefaultAsync(d => d.UserId == me, cancellationToken);
        if (answers is null)
        {
            answers = new MemberDemographics(me);
            db.MemberDemographics.Add(answers);
        }

        answers.Language = Blank(command.Language);
        answers.AgeBand = Blank(command.AgeBand);
        answers.RaceEthnicity = (command.RaceEthnicity ?? []).Distinct().ToList();
        answers.Neighborhood = Blank(command.Neighborhood);
        await db.SaveChangesAsync(cancellationToken);
        return ToDto(answers);
    }

    public async ValueTask<Unit> Handle(DeleteMyDemographicsCommand command, CancellationToken cancellationToken)
    {
        await db.MemberDemographics.Where(d => d.UserId == currentUser.Id).ExecuteDeleteAsync(cancellationToken);
        return Unit.Value;
    }

    public async ValueTask<SettingsDto> Handle(GetSettingsQuery query, CancellationToken cancellationToken)
        => new(await db.CloseTheLoopDaysAsync(cancellationToken));

    public async ValueTask<SettingsDto> Handle(SaveSettingsCommand command, CancellationToken cancellationToken)
    {
        var settings = await db.GovernanceSettings.FirstOrDefaultAsync(cancellationToken);
        if (settings is null)
        {
            settings = new GovernanceSettings();
            db.GovernanceSettings.Add(settings);
        }

        settings.CloseTheLoopDays = command.CloseTheLoopDays;
        await db.SaveChangesAsync(cancellationToken);
        return new SettingsDto(settings.CloseTheLoopDays);
    }

    private async Task<List<InfluenceDto>> MeasureAsync(Guid? councilId, CancellationToken cancellationToken)
    {
        var decided = db.Decisions.AsNoTracking().Where(d => d.RecordedAt != null);
        if (councilId is { } id)
        {
            decided = decided.Where(d => d.CouncilId == id);
        }

        var rows = await decided
            .GroupBy(d => d.CouncilId)
            .Select(g => new
            {
                CouncilId = g.Key,
                Decided = g.Count(),
                Influenced = g.Count(d => d.Inputs.Any(i => i.IsCommunityInput && (i.Use == InputUse.Adopted || i.Use == InputUse.Adapted))),
            })
            .ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.CouncilId).ToList();
        var names = await db.Councils.Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        return rows.Select(r => new InfluenceDto(r.CouncilId, names.GetValueOrDefault(r.CouncilId), r.Decided, r.Influenced, Share(r.Influenced, r.Decided)))
            .OrderBy(r => r.CouncilName, StringComparer.CurrentCulture).ToList();
    }

    private static decimal? Share(int part, int whole) => whole == 0 ? null : Math.Round((decimal)part / whole, 4);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static DemographicsDto ToDto(MemberDemographics? d) => new(d?.Language, d?.AgeBand, d?.RaceEthnicity ?? [], d?.Neighborhood);
}
