using System.Globalization;

namespace EngagementPlatform.Framework.Tests;

/// <summary>Sets the UI culture for the rest of a test and puts the previous one back.</summary>
internal sealed class UICulture : IDisposable
{
    private readonly CultureInfo _previous = CultureInfo.CurrentUICulture;

    public UICulture(string name) => CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);

    public void Dispose() => CultureInfo.CurrentUICulture = _previous;
}
