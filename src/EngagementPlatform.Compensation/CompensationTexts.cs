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
    public const string AttendanceRestoredAdjustment = "Compensation:Adjustment.AttendanceRestored";

    public static LocalizationResource Create() => new LocalizationResource
        {
            [PaidEmailReason] = ("a payment was made to you", "se le hizo un pago"),
            [WithdrawnReason] = ("Attendance withdrawn: marked absent after the meeting", "Asistencia retirada: marcado como ausente después de la reunión"),
            [AdjustmentDescription] = ("Adjustment: attendance withdrawn after payment", "Ajuste: asistencia retirada después del pago"),
            [AttendanceRestored] = ("Attendance restored: marked present again, so no adjustment is due", "Asistencia restablecida: marcado como presente otra vez, así que no corresponde ajuste"),
            [AttendanceRestoredAdjustment] = ("Adjustment: marked present again after a correction was settled", "Ajuste: marcado como presente otra vez después de liquidar una corrección"),
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
        .AddEnum(new Dictionary<PaymentChoice, (string, string)>
        {
            [PaymentChoice.Accept] = ("accepts payment", "acepta el pago"),
            [PaymentChoice.Decline] = ("declines payment", "rechaza el pago"),
        })
        .AddEnum(new Dictionary<PaymentMethod, (string, string)>
        {
            [PaymentMethod.Check] = ("check", "cheque"),
            [PaymentMethod.BankTransfer] = ("bank transfer", "transferencia bancaria"),
            [PaymentMethod.GiftCard] = ("gift card", "tarjeta de regalo"),
            [PaymentMethod.StripeTransfer] = ("Stripe transfer", "transferencia por Stripe"),
            [PaymentMethod.Cash] = ("cash", "efectivo"),
        });
}
