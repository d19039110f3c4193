namespace EngagementPlatform.Compensation;

/// <summary>The permission names of Compensation, for other modules' checks and the web app's generated map.</summary>
public static class CompensationPermissions
{
    /// <summary>See rates, payees and payable items.</summary>
    public const string Items = "Compensation.Items";

    /// <summary>Set up rates and new rate versions.</summary>
    public const string RatesManage = "Compensation.Rates.Manage";

    /// <summary>Enter payable items, add partner organizations as payees, void an unpaid item.</summary>
    public const string ItemsCreate = "Compensation.Items.Create";

    /// <summary>Approve and pay items (never one's own: segregation of duties).</summary>
    public const string ItemsApprove = "Compensation.Items.Approve";

    /// <summary>
    /// Set a payee's payment preference and tax-form status. Not given to staff: whoever enters items must not also be
    /// able to change where the money goes.
    /// </summary>
    public const string PayeesManage = "Compensation.Payees.Manage";

    /// <summary>Read a payee's payment details in full (every read is audited); others see them masked.</summary>
    public const string PayeesViewDetails = "Compensation.Payees.ViewDetails";
}
