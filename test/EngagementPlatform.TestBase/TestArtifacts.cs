namespace EngagementPlatform.TestBase;

/// <summary>Where tests leave reports for people (sweep counts, screenshots). The test script prints the reports.</summary>
public static class TestArtifacts
{
    public static string Directory
    {
        get
        {
            var path = Environment.GetEnvironmentVariable("EP_ARTIFACTS") ?? Path.Combine(Path.GetTempPath(), "ep-artifacts");
            System.IO.Directory.CreateDirectory(path);
            return path;
        }
    }

    /// <summary>Writes a one-line report to <c>reports/NAME.txt</c>; test.sh prints every report at the end.</summary>
    public static void Report(string name, string line)
    {
        var folder = Path.Combine(Directory, "reports");
        System.IO.Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, name + ".txt"), line + Environment.NewLine);
    }
}
