using System;
using System.IO;

namespace Cac.EndToEnd.Tests.Runner;

/// <summary>The release layout scripts/package builds in artifacts/package: the files a release tag holds.</summary>
internal static class ReleasePackage
{
    public static string Directory { get; } = Find();

    public static string ActionYml => Path.Combine(Directory, "action.yml");

    public static string ContainerActionYml => Path.Combine(Directory, "container", "action.yml");

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "artifacts", "package");
            if (File.Exists(Path.Combine(candidate, "bin", "manifest.json")))
            {
                return candidate;
            }

            if (File.Exists(Path.Combine(directory.FullName, "action.yml")))
            {
                break;
            }
        }

        throw new DirectoryNotFoundException("The release layout was not found at artifacts/package: run ./scripts/package first (./scripts/test does).");
    }
}
