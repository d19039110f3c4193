namespace EngagementPlatform.Compensation;

/// <summary>The web app's Compensation pages that emails link to (the Angular routes under /compensation).</summary>
public static class CompensationRoutes
{
    /// <summary>The signed-in member's own payments for a year.</summary>
    public static string MyPayments(int year) => $"/compensation/my-payments?year={year}";
}
