using EngagementPlatform.DataSharing.Domain;
using EngagementPlatform.DataSharing.Persistence;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.DataSharing.Application.Settings;

public sealed record UpdateDataSharingSettingsCommand(bool RequireCommunityOwner, IReadOnlyList<int> ExpiryReminderDays, IReadOnlyList<int> DestructionReminderDays)
    : ICommand<DataSharingSettingsDto>;

public sealed class UpdateDataSharingSettingsValidator : AbstractValidator<UpdateDataSharingSettingsCommand>
{
    public UpdateDataSharingSettingsValidator()
    {
        RuleFor(c => c.ExpiryReminderDays).Cascade(CascadeMode.Stop).NotNull()
            .Must(d => d.Count <= DataSharingSettings.MaxReminders).WithMessage($"At most {DataSharingSettings.MaxReminders} reminders.");
        RuleForEach(c => c.ExpiryReminderDays).InclusiveBetween(1, DataSharingSettings.MaxReminderDays);
        RuleFor(c => c.DestructionReminderDays).Cascade(CascadeMode.Stop).NotNull()
            .Must(d => d.Count <= DataSharingSettings.MaxReminders).WithMessage($"At most {DataSharingSettings.MaxReminders} reminders.");
        RuleForEach(c => c.DestructionReminderDays).InclusiveBetween(1, DataSharingSettings.MaxReminderDays);
    }
}

/// <summary>Saves the partnership's settings (the row is made with the first save); repeated days count once. Audited.</summary>
public sealed class UpdateDataSharingSettingsHandler(IDataSharingDbContext db) : ICommandHandler<UpdateDataSharingSettingsCommand, DataSharingSettingsDto>
{
    public async ValueTask<DataSharingSettingsDto> Handle(UpdateDataSharingSettingsCommand command, CancellationToken cancellationToken)
    {
        var settings = await db.DataSharingSettings.FirstOrDefaultAsync(cancellationToken);
        if (settings is null)
        {
            settings = new DataSharingSettings(Guid.CreateVersion7(), command.RequireCommunityOwner, command.ExpiryReminderDays, command.DestructionReminderDays);
            db.DataSharingSettings.Add(settings);
        }
        else
        {
            settings.Update(command.RequireCommunityOwner, command.ExpiryReminderDays, command.DestructionReminderDays);
        }

        return DataSharingSettingsDto.From(settings);
    }
}
