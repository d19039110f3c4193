namespace EngagementPlatform.Identity.Domain;

/// <summary>The languages a person or a partnership may choose.</summary>
public static class Languages
{
    public static readonly string[] Supported = ["en", "es"];
}
