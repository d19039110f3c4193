namespace EngagementPlatform.Framework.Exceptions;

public static class FrameworkErrorCodes
{
    public const string Validation = "Framework:ValidationFailed";
    public const string BadRequest = "Framework:BadRequest";
    public const string UnknownSortField = "Framework:UnknownSortField";
    public const string PayloadTooLarge = "Framework:PayloadTooLarge";
    public const string EntityNotFound = "Framework:EntityNotFound";
    public const string Unauthorized = "Framework:Unauthorized";
    public const string Forbidden = "Framework:Forbidden";
    public const string Conflict = "Framework:ConcurrencyConflict";
    public const string Internal = "Framework:InternalError";
    public const string RouteNotFound = "Framework:RouteNotFound";
    public const string TenantNotFound = "Saas:TenantNotFound";
    public const string TenantMismatch = "Saas:TenantMismatch";
    public const string TenantInactive = "Saas:TenantInactive";
}
