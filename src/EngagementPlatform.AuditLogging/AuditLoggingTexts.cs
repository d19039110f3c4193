using EngagementPlatform.Framework.Localization;

namespace EngagementPlatform.AuditLogging;

/// <summary>The audit log's field messages and export headings, in English and Spanish.</summary>
internal static class AuditLoggingTexts
{
    public const string DateRange = "AuditLogging:Field.DateRange";
    public const string Time = "AuditLogging:Export.Time";
    public const string User = "AuditLogging:Export.User";
    public const string UserId = "AuditLogging:Export.UserId";
    public const string Action = "AuditLogging:Export.Action";
    public const string EntityType = "AuditLogging:Export.EntityType";
    public const string EntityId = "AuditLogging:Export.EntityId";
    public const string ChangedProperties = "AuditLogging:Export.ChangedProperties";
    public const string Values = "AuditLogging:Export.Values";

    public static LocalizationResource Create() => new()
    {
        [DateRange] = ("The end of the period must come after its start.", "El final del periodo debe ser posterior a su inicio."),
        [Time] = ("Time (UTC)", "Hora (UTC)"),
        [User] = ("User", "Usuario"),
        [UserId] = ("User id", "Id. de usuario"),
        [Action] = ("Action", "Acción"),
        [EntityType] = ("Entity", "Entidad"),
        [EntityId] = ("Entity id", "Id. de entidad"),
        [ChangedProperties] = ("Changed properties", "Propiedades cambiadas"),
        [Values] = ("Before and after", "Antes y después"),
        ["Enum:AuditAction.Created"] = ("Created", "Creado"),
        ["Enum:AuditAction.Updated"] = ("Updated", "Modificado"),
        ["Enum:AuditAction.Deleted"] = ("Deleted", "Eliminado"),
        ["Enum:AuditAction.Read"] = ("Read", "Consultado"),
    };
}
