namespace EngagementPlatform.Governance.Application.PublicInput;

/// <summary>Limits on input from the public link (configuration section <c>Governance:PublicInput</c>).</summary>
public sealed class PublicInputOptions
{
    /// <summary>At most this many public inputs per decision; more are refused with 422 <c>Governance:PublicInputLimitReached</c>.</summary>
    public int MaxPerDecision { get; set; } = 2000;

    /// <summary>Posts per minute per client address to the public endpoints.</summary>
    public int WritesPerMinute { get; set; } = 10;

    /// <summary>Reads per minute per client address of the public endpoints.</summary>
    public int ReadsPerMinute { get; set; } = 60;
}
