using EngagementPlatform.Compensation.Domain;
using EngagementPlatform.Framework.Localization;

namespace EngagementPlatform.Compensation;

/// <summary>Compensation's words and sentences other than error messages, in English and Spanish.</summary>
internal static class CompensationTexts
{
    public const string PaidEmailReason = "Compensation:Email.PaidReason";
    public const string WithdrawnReason = "Compensation:Void.AttendanceWithdrawn";
    public const string AdjustmentDescription = "Compensation:Adjustment.AttendanceWithdrawn";
    public const string AttendanceRestored = "Compensation:Void.AttendanceRestored";

    public static LocalizationResource Create() => new LocalizationResource
        {
            [PaidEmailReason] = ("a payment was made to you", "se le hizo un pago"),
            [WithdrawnReason] = ("Attendance withdrawn: marked absent after the meeting", "Asistencia retirada: marcado como ausente después de la reunión"),
            [AdjustmentDescription] = ("Adjustment: attendance withdrawn after payment", "Ajuste: asistencia retirada después del pago"),
            [AttendanceRestored] = ("Attendance restored: marked present again, so no adjustment is due", "Asistencia restablecida: marcado como presente otra vez, así que no corresponde ajuste"),
            ["Action:ApprovePayableItem"] = ("approved", "aprobar"),
            ["Action:PayPayableItem"] = ("paid", "pagar"),
            ["Action:VoidPayableItem"] = ("voided", "anular"),
            ["Action:AdjustPayableItem"] = ("adjusted", "ajustar"),
        }
        .AddEnum(new Dictionary<PayableItemStatus, (string, string)>
        {
            [PayableItemStatus.Submitted] = ("submitted", "registrado"),
            [PayableItemStatus.Approved] = ("approved", "aprobado"),
            [PayableItemStatus.Paid] = ("paid", "pagado"),
            [PayableItemStatus.Voided] = ("voided", "anulado"),
        })
        .AddEnum(new Dictionary<RateUnit, (string, string)>
        {
            [RateUnit.Hour] = ("hour", "hora"),
            [RateUnit.Meeting] = ("meeting", "reunión"),
            [RateUnit.Deliverable] = ("deliverable", "entregable"),
        })
        .AddEnum(new Dictionary<PaymentMethod, (string, string)>
        {
            [PaymentMethod.Check] = ("check", "cheque"),
            [PaymentMethod.BankTransfer] = ("bank transfer", "transferencia bancaria"),
            [PaymentMethod.GiftCard] = ("gift card", "tarjeta de regalo"),
            [PaymentMethod.StripeTransfer] = ("Stripe transfer", "transferencia por Stripe"),
            [PaymentMethod.Cash] = ("cash", "efectivo"),
        });

    /// <summary>The column headings of the CSV exports (payments and annual totals), in English and Spanish.</summary>
    public static LocalizationResource ReportTexts() => new LocalizationResource
        {
            ["Compensation:Csv.PaidOn"] = ("Paid on", "Fecha de pago"),
            ["Compensation:Csv.Payee"] = ("Payee", "Beneficiario"),
            ["Compensation:Csv.PayeeKind"] = ("Payee kind", "Tipo de beneficiario"),
            ["Compensation:Csv.Description"] = ("Description", "Descripción"),
            ["Compensation:Csv.Source"] = ("Source", "Origen"),
            ["Compensation:Csv.Council"] = ("Council", "Consejo"),
            ["Compensation:Csv.Program"] = ("Program", "Programa"),
            ["Compensation:Csv.Amount"] = ("Amount", "Monto"),
            ["Compensation:Csv.Currency"] = ("Currency", "Moneda"),
            ["Compensation:Csv.Method"] = ("Method", "Método"),
            ["Compensation:Csv.Reference"] = ("Reference", "Referencia"),
            ["Compensation:Csv.ItemId"] = ("Item id", "Id del pago"),
            ["Compensation:Csv.PayeeId"] = ("Payee id", "Id del beneficiario"),
            ["Compensation:Csv.PayeeUserId"] = ("User id", "Id del usuario"),
            ["Compensation:Csv.Total"] = ("Total", "Total"),
            ["Compensation:Csv.PaymentCount"] = ("Payments", "Pagos"),
            ["Compensation:Csv.Threshold"] = ("Reporting threshold", "Umbral de declaración"),
            ["Compensation:Csv.Exceeds"] = ("Reaches threshold", "Alcanza el umbral"),
            ["Compensation:Csv.Yes"] = ("yes", "sí"),
            ["Compensation:Csv.No"] = ("no", "no"),
            ["Compensation:Csv.PaymentsFile"] = ("payments", "pagos"),
            ["Compensation:Csv.TotalsFile"] = ("annual-totals", "totales-anuales"),
        }
        .AddEnum(new Dictionary<PayeeKind, (string, string)>
        {
            [PayeeKind.Person] = ("person", "persona"),
            [PayeeKind.Organization] = ("organization", "organización"),
        })
        .AddEnum(new Dictionary<PayableItemSourceKind, (string, string)>
        {
            [PayableItemSourceKind.Meeting] = ("meeting", "reunión"),
            [PayableItemSourceKind.Time] = ("time", "tiempo"),
            [PayableItemSourceKind.Deliverable] = ("deliverable", "entregable"),
            [PayableItemSourceKind.Reimbursement] = ("reimbursement", "reembolso"),
            [PayableItemSourceKind.Other] = ("other", "otro"),
        });
}
