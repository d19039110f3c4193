using System.Text;

namespace EngagementPlatform.HttpApi.Host.Tests;

/// <summary>The repository's C# sources, for rules the compiled assemblies cannot show (constants are inlined).</summary>
internal static class Sources
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EngagementPlatform.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("EngagementPlatform.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>C# files under <paramref name="folder"/>, without build output and generated migrations.</summary>
    public static IEnumerable<string> Files(string folder)
        => Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !InFolder(f, "bin") && !InFolder(f, "obj") && !InFolder(f, "Migrations"))
            .Order(StringComparer.Ordinal);

    public static bool InFolder(string file, string folder)
        => Path.GetRelativePath(Root, file).Split(Path.DirectorySeparatorChar).SkipLast(1).Contains(folder, StringComparer.Ordinal);

    public static string Relative(string file) => Path.GetRelativePath(Root, file);

    /// <summary>The source with comments and string/char literals blanked, so prose and data are not taken for code.</summary>
    public static string WithoutCommentsAndStrings(string source)
    {
        var result = new StringBuilder(source.Length);
        var i = 0;
        while (i < source.Length)
        {
            if (source[i] == '/' && i + 1 < source.Length && source[i + 1] == '/')
            {
                while (i < source.Length && source[i] != '\n')
                {
                    i++;
                }
            }
            else if (source[i] == '/' && i + 1 < source.Length && source[i + 1] == '*')
            {
                var end = source.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = end < 0 ? source.Length : end + 2;
            }
            else if (source[i] == '"' || source[i] == '\'')
            {
                var quote = source[i];
                var verbatim = i > 0 && source[i - 1] == '@';
                i++;
                while (i < source.Length && source[i] != quote)
                {
                    i += !verbatim && source[i] == '\\' ? 2 : 1;
                }

                i++;
                result.Append(quote).Append(quote);
            }
            else
            {
                result.Append(source[i]);
                i++;
            }
        }

        return result.ToString();
    }
}
