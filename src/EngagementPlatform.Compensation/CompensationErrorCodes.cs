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

    // Payee side: payment preference, tax form, the payee's own choice.
    public const string InvalidPaymentDetails = "Compensation:InvalidPaymentDetails";
    public const string PaymentDetailsUnreadable = "Compensation:PaymentDetailsUnreadable";
    public const string TinLast4Only = "Compensation:TinLast4Only";
    public const string InvalidTaxForm = "Compensation:InvalidTaxForm";
    public const string NoticeNotAcknowledged = "Compensation:NoticeNotAcknowledged";
    public const string PayeeDeclined = "Compensation:PayeeDeclined";
    // Stripe payouts (issue 12, comp-stripe).
    public const string NoStripeAccount = "Compensation:NoStripeAccount";
    public const string PayeeNotOnboarded = "Compensation:PayeeNotOnboarded";
    public const string PayoutFailed = "Compensation:PayoutFailed";
    public const string PayoutPending = "Compensation:PayoutPending";
    public const string StripeReference = "Compensation:StripeReference";

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

        // Payee side.
        [InvalidPaymentDetails] = ("The payment details do not fit the method {method}; see the fields named.", "Los datos de pago no corresponden al método {method}; vea los campos indicados."),
        [PaymentDetailsUnreadable] = ("The payment details of payee {payeeId} cannot be read here; ask the payee for them again.", "Los datos de pago del beneficiario {payeeId} no se pueden leer aquí; pídaselos de nuevo al beneficiario."),
        [TinLast4Only] = ("Enter only the last 4 digits of the tax id; the full number is never accepted.", "Ingrese solo los últimos 4 dígitos del número de identificación fiscal; nunca se acepta el número completo."),
        [InvalidTaxForm] = ("The tax form status is incomplete; see the fields named.", "El estado del formulario de impuestos está incompleto; vea los campos indicados."),
        [NoticeNotAcknowledged] = ("Read the current payment notice (version {version}) and name it with your choice.", "Lea el aviso de pago vigente (versión {version}) e indíquelo con su decisión."),
        [PayeeDeclined] = ("The payee of item {itemId} has declined payment, so it cannot be approved or paid.", "El beneficiario del pago {itemId} rechazó el pago, así que no se puede aprobar ni pagar."),
        // Stripe payouts (issue 12, comp-stripe).
        [NoStripeAccount] = ("This payee has no Stripe account yet; start Stripe onboarding for them first.", "Este beneficiario aún no tiene cuenta de Stripe; primero inicie su registro en Stripe."),
        [PayeeNotOnboarded] = ("The payee of item {itemId} cannot receive Stripe transfers yet: their Stripe onboarding is not finished. Nothing was paid.", "El beneficiario del pago {itemId} aún no puede recibir transferencias de Stripe: no terminó su registro en Stripe. No se pagó nada."),
        [PayoutFailed] = ("Stripe refused the transfer for item {itemId} ({stripeCode}); it stays approved. Items paid before it in the batch ({paidCount}) stay paid.", "Stripe rechazó la transferencia del pago {itemId} ({stripeCode}); sigue aprobado. Los pagos hechos antes en el lote ({paidCount}) siguen pagados."),
        [PayoutPending] = ("A Stripe transfer for item {itemId} was started and its outcome is not known yet. Pay it again by Stripe transfer to finish it: it cannot be paid twice.", "Se inició una transferencia de Stripe para el pago {itemId} y aún no se conoce el resultado. Vuelva a pagarlo por transferencia de Stripe para terminarlo: no se puede pagar dos veces."),
        [StripeReference] = ("A Stripe payment's reference is its transfer id, set by Stripe; leave the reference out.", "La referencia de un pago por Stripe es el id de su transferencia, que asigna Stripe; no indique una referencia."),
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
