namespace EngagementPlatform.Framework.Application;

/// <summary>
/// What every create answers, with <c>201 Created</c> and a <c>Location</c> header pointing at the new resource:
/// the new id in the body, so a client never has to parse the header.
/// </summary>
public sealed record CreatedId(Guid Id);
