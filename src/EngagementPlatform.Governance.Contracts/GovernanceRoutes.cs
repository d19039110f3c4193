namespace EngagementPlatform.Governance;

/// <summary>
/// The web app's pages for Governance's things, for links other modules put in emails. They match the Angular
/// routes (<c>angular/src/app/app.routes.ts</c>); an email-link browser test follows each one.
/// </summary>
public static class GovernanceRoutes
{
    public static string Decision(Guid decisionId) => $"/decisions/{decisionId}";

    public static string Council(Guid councilId) => $"/governance/councils/{councilId}";

    public static string Meeting(Guid councilId, Guid meetingId) => $"/governance/councils/{councilId}/meetings/{meetingId}";
}
