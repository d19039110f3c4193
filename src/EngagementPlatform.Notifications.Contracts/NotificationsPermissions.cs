namespace EngagementPlatform.Notifications;

/// <summary>The permission names of Notifications, for other modules' checks and the web app's generated map.</summary>
public static class NotificationsPermissions
{
    public const string Outbox = "Notifications.Outbox";
    public const string Templates = "Notifications.Templates";
}
