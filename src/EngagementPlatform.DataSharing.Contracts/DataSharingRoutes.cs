namespace EngagementPlatform.DataSharing;

/// <summary>The web app's Data sharing pages that emails link to (the Angular routes under /data-sharing).</summary>
public static class DataSharingRoutes
{
    /// <summary>One agreement: its current terms, parties, signatures, versions and destruction attestations.</summary>
    public static string Agreement(Guid agreementId) => $"/data-sharing/agreements/{agreementId:D}";

    /// <summary>Where a party's signatory reads the version in review and signs it.</summary>
    public static string Sign(Guid agreementId) => $"/data-sharing/agreements/{agreementId:D}/sign";

    /// <summary>Where a party attests that it destroyed the data the agreement covered.</summary>
    public static string AttestDestruction(Guid agreementId) => $"/data-sharing/agreements/{agreementId:D}/destruction";
}
