namespace EngagementPlatform.DataSharing;

/// <summary>The permission names of Data sharing, for other modules' checks and the web app's generated map.</summary>
public static class DataSharingPermissions
{
    /// <summary>
    /// Read the agreement register and every agreement in it (a read of a PHI agreement's detail is audited). A person
    /// named as a party's signatory reads and signs the agreements they are named in without it.
    /// </summary>
    public const string Agreements = "DataSharing.Agreements";

    /// <summary>Draft agreements, submit them for signature, amend and terminate them.</summary>
    public const string AgreementsManage = "DataSharing.Agreements.Manage";

    /// <summary>The partnership's data-sharing rules: whether a community-owner party is required, reminder days.</summary>
    public const string Settings = "DataSharing.Settings";
}
