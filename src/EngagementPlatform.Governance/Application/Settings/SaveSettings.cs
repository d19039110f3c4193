using EngagementPlatform.Governance.Domain;
using EngagementPlatform.Governance.Persistence;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.Governance.Application.Settings;

/// <summary>The partnership's Governance settings: how many days after voting closes a decision must be recorded.</summary>
public sealed record SaveSettingsCommand(int CloseTheLoopDays) : ICommand<SettingsDto>;

public sealed class SaveSettingsValidator : AbstractValidator<SaveSettingsCommand>
{
    public SaveSettingsValidator() => RuleFor(c => c.CloseTheLoopDays).InclusiveBetween(1, 365);
}

public sealed class SaveSettingsHandler(IGovernanceDbContext db) : ICommandHandler<SaveSettingsCommand, SettingsDto>
{
    public async ValueTask<SettingsDto> Handle(SaveSettingsCommand command, CancellationToken cancellationToken)
    {
        var settings = await db.GovernanceSettings.FirstOrDefaultAsync(cancellationToken);
        if (settings is null)
        {
            settings = new GovernanceSettings();
            db.GovernanceSettings.Add(settings);
        }

        settings.CloseTheLoopDays = command.CloseTheLoopDays;
        return new SettingsDto(settings.CloseTheLoopDays);
    }
}
