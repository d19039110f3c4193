namespace EngagementPlatform.Governance.Application.PublicInput;

/// <summary>
/// Where the web app is reached, for links sent in mail (<c>https://host[/base]</c>, no trailing slash, or empty
/// when unknown). Implemented in <c>Http/</c>, so application code needs no HTTP types.
/// </summary>
public interface IWebAppOrigin
{
    string Origin { get; }
}
