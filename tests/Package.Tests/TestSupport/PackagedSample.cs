using System;
using System.Globalization;
using System.IO;
using System.Threading.Tasks;
using Cac.Analyzers.Tests.TestSupport;

namespace Cac.Package.Tests.TestSupport;

/// <summary>
/// Packs Cac.ActionKit (already built with this test) under a version no cache can hold, into a folder feed,
/// and restores a fork-like sample project from it: a <c>nuget.config</c> with that feed alone and a packages
/// folder of its own, so nothing comes from the network or from a cached copy of an older package.
/// </summary>
public sealed class PackagedSample : IAsyncLifetime
{
    private readonly string work = Directory.CreateTempSubdirectory("cac-package-").FullName;

    public string Version { get; } = "0.0.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);

    public string Feed => Path.Combine(work, "feed");

    public string Project => Path.Combine(work, "sample");

    public string Packages => Path.Combine(work, "packages");

    /// <summary>The restored package, as the compiler sees it.</summary>
    public string PackageFolder => Path.Combine(Packages, "cac.actionkit", Version);

    public string Nupkg => Path.Combine(Feed, "Cac.ActionKit." + Version + ".nupkg");

    /// <summary>An access key ID made for this run (see <see cref="TestKeys"/>), seeded into Mistakes.cs.</summary>
    public string SeededKey { get; } = TestKeys.Make("AKIA", offset: 3);

    public string ProgramSource { get; private set; } = string.Empty;

    public string MistakesSource { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        var repository = BuildInfo.RepositoryRoot;
        await Dotnet.SucceedAsync(
            repository, "pack", Path.Combine(repository, "src", "Package", "Cac.ActionKit.csproj"),
            "-c", BuildInfo.Configuration, "--no-build", "-o", Feed, "-p:PackageVersion=" + Version);

        var template = Path.Combine(AppContext.BaseDirectory, "Sample");
        Directory.CreateDirectory(Project);
        File.Copy(Path.Combine(template, "action.yml"), Path.Combine(Project, "action.yml"));
        File.Copy(Path.Combine(template, "action-types.yml"), Path.Combine(Project, "action-types.yml"));
        File.Copy(Path.Combine(template, "action-fallbacks.yml"), Path.Combine(Project, "action-fallbacks.yml"));
        ProgramSource = File.ReadAllText(Path.Combine(template, "Program.cs.template"));
        MistakesSource = File.ReadAllText(Path.Combine(template, "Mistakes.cs.template")).Replace("$KEY$", SeededKey, StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(Project, "Program.cs"), ProgramSource);
        File.WriteAllText(Path.Combine(Project, "Mistakes.cs"), MistakesSource);
        File.WriteAllText(
            Path.Combine(Project, "Sample.csproj"),
            File.ReadAllText(Path.Combine(template, "Sample.csproj.template")).Replace("$VERSION$", Version, StringComparison.Ordinal));

        // The sample sits outside the repository: keep any build settings above the temp folder out of it.
        File.WriteAllText(Path.Combine(work, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(work, "Directory.Packages.props"), "<Project />");
        File.WriteAllText(Path.Combine(Project, "nuget.config"), $"""
            <configuration>
              <packageSources><clear /><add key="feed" value="{Feed}" /></packageSources>
              <fallbackPackageFolders><clear /></fallbackPackageFolders>
            </configuration>
            """);
        await Dotnet.SucceedAsync(Project, "restore", "--packages", Packages);
    }

    public Task DisposeAsync()
    {
        Directory.Delete(work, recursive: true);
        return Task.CompletedTask;
    }
}
