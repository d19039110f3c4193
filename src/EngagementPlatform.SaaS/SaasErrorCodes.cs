using EngagementPlatform.Framework.Localization;

namespace EngagementPlatform.SaaS;

public static class SaasErrorCodes
{
    public const string DuplicateTenantName = "Saas:DuplicateTenantName";
    public const string DuplicateEditionName = "Saas:DuplicateEditionName";
    public const string EditionNotFound = "Saas:EditionNotFound";
    public const string EditionInUse = "Saas:EditionInUse";

    internal static ErrorMessageResource Messages() => new()
    {
        [DuplicateTenantName] = ("A partnership named '{name}' already exists.", "Ya existe una alianza llamada '{name}'."),
        [DuplicateEditionName] = ("A plan named '{name}' already exists.", "Ya existe un plan llamado '{name}'."),
        [EditionNotFound] = ("There is no plan with that id.", "No existe un plan con ese identificador."),
        [EditionInUse] = ("This plan is still assigned to partnerships; move them to another plan first.", "Este plan sigue asignado a alianzas; muévalas primero a otro plan."),
    };
}
