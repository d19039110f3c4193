namespace EngagementPlatform.SaaS;

/// <summary>The optional modules a plan (edition) may include; other modules check them through IFeatureChecker.</summary>
public static class SaasFeatures
{
    public const string Compensation = "Compensation";
    public const string DataSharing = "DataSharing";
    public const string Assessments = "Assessments";
    public const string StripePayouts = "StripePayouts";
}

/// <summary>How much of a thing a plan allows (null on the edition means no limit).</summary>
public static class SaasLimits
{
    public const string Councils = "Councils";
    public const string ActiveMembers = "ActiveMembers";
    public const string AssessmentSchedules = "AssessmentSchedules";
}
