using EngagementPlatform.Framework.Localization;

namespace EngagementPlatform.DataSharing.Application.Destruction;

/// <summary>The destruction attestation's own refusals (the lifecycle's are in <see cref="DataSharingErrorCodes"/>).</summary>
public static class DestructionErrorCodes
{
    /// <summary>400: the data cannot have been destroyed on a day that has not come yet in the partnership's time zone.</summary>
    public const string DestroyedInFuture = "DataSharing:DestroyedInFuture";

    internal static ErrorMessageResource Messages() => new()
    {
        [DestroyedInFuture] = ("The date the data was destroyed ({destroyedOn}) is after today ({today}).", "La fecha en que se destruyeron los datos ({destroyedOn}) es posterior a hoy ({today})."),
    };
}
