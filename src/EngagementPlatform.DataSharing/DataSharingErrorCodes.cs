using EngagementPlatform.Framework.Localization;

namespace EngagementPlatform.DataSharing;

public static class DataSharingErrorCodes
{
    // Lifecycle (409 unless said otherwise).
    public const string AgreementNotEditable = "DataSharing:AgreementNotEditable";
    public const string IllegalTransition = "DataSharing:IllegalTransition";
    public const string VersionChanged = "DataSharing:VersionChanged";
    public const string AlreadySigned = "DataSharing:AlreadySigned";
    public const string AmendmentOpen = "DataSharing:AmendmentOpen";
    public const string AlreadyAttested = "DataSharing:AlreadyAttested";

    // 403: only the party's named signatory signs for it.
    public const string NotTheSignatory = "DataSharing:NotTheSignatory";

    // Rules a version must meet before it is sent for signature (422).
    public const string TooFewParties = "DataSharing:TooFewParties";
    public const string SignatoryRequired = "DataSharing:SignatoryRequired";
    public const string CommunityOwnerRequired = "DataSharing:CommunityOwnerRequired";
    public const string SensitivityBelowElements = "DataSharing:SensitivityBelowElements";
    public const string EndBeforeStart = "DataSharing:EndBeforeStart";
    public const string PhiNeedsBreachWindow = "DataSharing:PhiNeedsBreachWindow";
    public const string PhiNeedsDestructionDate = "DataSharing:PhiNeedsDestructionDate";
    public const string DestructionBeforeStart = "DataSharing:DestructionBeforeStart";

    internal static ErrorMessageResource Messages() => new()
    {
        [AgreementNotEditable] = ("Version {version} of this agreement is {state}, so it cannot be edited; an agreement in force is changed by an amendment.", "La versión {version} de este acuerdo está {state}, así que no se puede editar; un acuerdo vigente se cambia con una enmienda."),
        [IllegalTransition] = ("An agreement that is {state} cannot be {action}.", "No se puede {action} un acuerdo que está {state}."),
        [VersionChanged] = ("The agreement changed since you read it: version {version} is now {state}. Read it again before you sign.", "El acuerdo cambió desde que lo leyó: la versión {version} ahora está {state}. Léalo de nuevo antes de firmar."),
        [AlreadySigned] = ("{party} has already signed this version.", "{party} ya firmó esta versión."),
        [AmendmentOpen] = ("Version {version} is already an open amendment; finish or return it before starting another.", "La versión {version} ya es una enmienda abierta; termínela antes de empezar otra."),
        [AlreadyAttested] = ("{party} has already attested that the data was destroyed.", "{party} ya declaró que los datos fueron destruidos."),
        [NotTheSignatory] = ("Only the signatory named for {party} can sign or attest for it.", "Solo la persona firmante indicada para {party} puede firmar o declarar en su nombre."),
        [TooFewParties] = ("An agreement needs at least two parties.", "Un acuerdo necesita al menos dos partes."),
        [SignatoryRequired] = ("Name the person who signs for {party} (or mark that its signature is not required).", "Indique quién firma por {party} (o marque que no se requiere su firma)."),
        [CommunityOwnerRequired] = ("This partnership requires every agreement to name a community owner of the data among its parties.", "Esta alianza exige que cada acuerdo nombre entre sus partes a una comunidad dueña de los datos."),
        [SensitivityBelowElements] = ("The agreement is marked less sensitive than its data element '{element}' ({sensitivity}); it must be at least as sensitive as its most sensitive element.", "El acuerdo está marcado como menos sensible que su dato «{element}» ({sensitivity}); debe ser al menos tan sensible como su dato más sensible."),
        [EndBeforeStart] = ("The end date is before the effective date.", "La fecha de fin es anterior a la fecha de inicio."),
        [PhiNeedsBreachWindow] = ("An agreement covering protected health information needs a breach-notification window (in days).", "Un acuerdo que cubre información de salud protegida necesita un plazo de notificación de filtraciones (en días)."),
        [PhiNeedsDestructionDate] = ("An agreement covering protected health information needs a destruction date.", "Un acuerdo que cubre información de salud protegida necesita una fecha de destrucción."),
        [DestructionBeforeStart] = ("The destruction date is before the effective date.", "La fecha de destrucción es anterior a la fecha de inicio."),
    };

    // The HTTP API's own refusals.
    // 422: a signatory named in the agreement is not an active person of this partnership (errors name the field).
    public const string UnknownUser = "DataSharing:UnknownUser";

    internal static ErrorMessageResource ApiMessages() => new()
    {
        [UnknownUser] = ("There is no active person with this id in this partnership.", "No hay ninguna persona activa con este identificador en esta alianza."),
    };
}
