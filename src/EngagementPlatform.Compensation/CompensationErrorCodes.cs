using EngagementPlatform.Framework.Localization;

namespace EngagementPlatform.Compensation;

public static class CompensationErrorCodes
{
    public const string UnknownCurrency = "Compensation:UnknownCurrency";
    public const string CurrencyMismatch = "Compensation:CurrencyMismatch";
    public const string TooManyDecimals = "Compensation:TooManyDecimals";
    public const string AmountNotPositive = "Compensation:AmountNotPositive";
    public const string UnknownCouncil = "Compensation:UnknownCouncil";
    public const string UnknownUser = "Compensation:UnknownUser";
    public const string UnknownRate = "Compensation:UnknownRate";
    public const string RateNotEffective = "Compensation:RateNotEffective";
    public const string RateOverlaps = "Compensation:RateOverlaps";
    public const string RateSuperseded = "Compensation:RateSuperseded";
    public const string RateVersionTooEarly = "Compensation:RateVersionTooEarly";
    public const string PriceOrAmount = "Compensation:PriceOrAmount";
    public const string PayeeRequired = "Compensation:PayeeRequired";
    public const string DuplicatePayee = "Compensation:DuplicatePayee";
    public const string SelfApproval = "Compensation:SelfApproval";
    public const string AlreadyPaid = "Compensation:AlreadyPaid";
    public const string PaidCannotBeVoided = "Compensation:PaidCannotBeVoided";
    public const string IllegalTransition = "Compensation:IllegalTransition";
    public const string DuplicateItemInBatch = "Compensation:DuplicateItemInBatch";

    internal static ErrorMessageResource Messages() => new()
    {
        [UnknownCurrency] = ("'{currency}' is not a currency this module accepts (an ISO 4217 code such as USD).", "'{currency}' no es una moneda que este módulo acepte (un código ISO 4217 como USD)."),
        [CurrencyMismatch] = ("Amounts in {currency} and {other} cannot be added together; totals are kept per currency.", "No se pueden sumar montos en {currency} y {other}; los totales se llevan por moneda."),
        [TooManyDecimals] = ("The amount has more decimals than {currency} has.", "El monto tiene más decimales de los que tiene {currency}."),
        [AmountNotPositive] = ("The amount and the quantity must be greater than zero.", "El monto y la cantidad deben ser mayores que cero."),
        [UnknownCouncil] = ("There is no such council in this partnership.", "No existe ese consejo en esta alianza."),
        [UnknownUser] = ("There is no such person in this partnership.", "No existe esa persona en esta alianza."),
        [UnknownRate] = ("There is no such rate in this partnership.", "No existe esa tarifa en esta alianza."),
        [RateNotEffective] = ("That rate is not in effect today; use the version that is.", "Esa tarifa no está vigente hoy; use la versión vigente."),
        [RateOverlaps] = ("A {unit} rate already applies here from that date; add a new version of it instead.", "Ya hay una tarifa por {unit} vigente aquí desde esa fecha; agregue una nueva versión de ella."),
        [RateSuperseded] = ("This rate version has already been replaced; add the new version to the current one.", "Esta versión de la tarifa ya fue reemplazada; agregue la nueva versión a la vigente."),
        [RateVersionTooEarly] = ("A new version must start after {effectiveFrom}, when the current one started.", "Una nueva versión debe comenzar después del {effectiveFrom}, cuando comenzó la vigente."),
        [PriceOrAmount] = ("Give either a rate and a quantity, or an amount and a currency.", "Indique una tarifa y una cantidad, o un monto y una moneda."),
        [PayeeRequired] = ("Name who is paid: a person (payeeUserId) or a partner organization (payeeId).", "Indique a quién se paga: una persona (payeeUserId) o una organización aliada (payeeId)."),
        [DuplicatePayee] = ("A partner organization with this name is already a payee.", "Ya existe una organización aliada con este nombre como beneficiaria."),
        [SelfApproval] = ("You submitted item {itemId}, so someone else must approve it.", "Usted registró el pago {itemId}, así que otra persona debe aprobarlo."),
        [AlreadyPaid] = ("Item {itemId} is already paid.", "El pago {itemId} ya fue pagado."),
        [PaidCannotBeVoided] = ("Item {itemId} is paid and cannot be voided; a correction is a new adjusting item.", "El pago {itemId} ya fue pagado y no se puede anular; una corrección es un nuevo pago de ajuste."),
        [IllegalTransition] = ("Item {itemId} is {status}, so it cannot be {action}.", "El pago {itemId} está {status}, así que no se puede {action}."),
        [DuplicateItemInBatch] = ("Item {itemId} is named more than once in the batch.", "El pago {itemId} aparece más de una vez en el lote."),
    };

    // Reports: statements, annual totals and thresholds, programs and budgets (issue 12).
    public const string StatementNotFound = "Compensation:StatementNotFound";
    public const string UnknownProgram = "Compensation:UnknownProgram";
    public const string DuplicateProgram = "Compensation:DuplicateProgram";
    public const string CouncilInAnotherProgram = "Compensation:CouncilInAnotherProgram";

    internal static ErrorMessageResource ReportMessages() => new()
    {
        [StatementNotFound] = ("There is no statement for this payee here.", "No hay un estado de cuenta de este beneficiario aquí."),
        [UnknownProgram] = ("There is no such program in this partnership.", "No existe ese programa en esta alianza."),
        [DuplicateProgram] = ("A program with this name already exists.", "Ya existe un programa con este nombre."),
        [CouncilInAnotherProgram] = ("Council {councilId} is already covered by the program {program}; a council belongs to one program.", "El consejo {councilId} ya forma parte del programa {program}; un consejo pertenece a un solo programa."),
    };
}
