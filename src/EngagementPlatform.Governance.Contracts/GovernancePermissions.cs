namespace EngagementPlatform.Governance;

/// <summary>The permission names of Governance, for other modules' checks and the web app's generated map.</summary>
public static class GovernancePermissions
{
    public const string Councils = "Governance.Councils";
    public const string CouncilsManage = "Governance.Councils.Manage";
    public const string MeetingsManage = "Governance.Meetings.Manage";
    public const string Decisions = "Governance.Decisions";
    public const string DecisionsManage = "Governance.Decisions.Manage";
    public const string DecisionsParticipate = "Governance.Decisions.Participate";
    public const string Settings = "Governance.Settings";
}
