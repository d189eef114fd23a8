using System;
using System.IO;

namespace Cac.Action.Tests.TestSupport;

/// <summary>Files of the repository the tests run from (the README, docs), found above the test binaries.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string ReadText(string relativePath) => File.ReadAllText(Path.Combine(Root, relativePath));

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "action.yml")) && File.Exists(Path.Combine(directory.FullName, "README.md")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("Repository root not found above " + AppContext.BaseDirectory);
    }
}
