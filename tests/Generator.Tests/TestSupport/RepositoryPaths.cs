using System;
using System.IO;
using System.Linq;

namespace Cac.Generator.Tests.TestSupport;

/// <summary>Finds the repository (the directory with action.yml and .git or src) from the test assembly's folder.</summary>
internal static class RepositoryPaths
{
    private static readonly Lazy<string> Root = new(FindRoot);

    public static string RepositoryRoot => Root.Value;

    public static string ActionYml => Path.Combine(RepositoryRoot, "action.yml");

    public static string ActionTypesYml => Path.Combine(RepositoryRoot, "action-types.yml");

    public static string ActionFallbacksYml => Path.Combine(RepositoryRoot, "action-fallbacks.yml");

    /// <summary>Where the team's corpus of real-world action.yml files sits, beside the repository when it is there.</summary>
    public static string CorpusDirectory => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "corpus", "action-yml"));

    /// <summary>The in-repo action.yml fixtures.</summary>
    public static string FixtureDirectory => Path.Combine(RepositoryRoot, "tests", "Generator.Tests", "Fixtures");

    public static string SnapshotDirectory => Path.Combine(RepositoryRoot, "tests", "Generator.Tests", "Snapshots");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var hasAction = File.Exists(Path.Combine(directory.FullName, "action.yml"));
            var hasRepoMarker = Directory.Exists(Path.Combine(directory.FullName, ".git")) ||
                Directory.Exists(Path.Combine(directory.FullName, "src"));
            if (hasAction && hasRepoMarker)
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("No directory with action.yml and .git or src above " + AppContext.BaseDirectory);
    }

    /// <summary>The corpus files, none when the corpus is not there.</summary>
    public static string[] CorpusFiles() => !Directory.Exists(CorpusDirectory) ? [] :
        Directory.GetFiles(CorpusDirectory)
            .Where(f => f.EndsWith(".yml", StringComparison.Ordinal) || f.EndsWith(".yaml", StringComparison.Ordinal))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToArray();
}
