using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;

namespace Cac.Package.Tests;

/// <summary>
/// Packs Cac.Generator and Cac.Abstractions into a temporary feed and builds a fork-like sample project
/// from it, with a private packages folder so no cached copy can stand in for the fresh package.
/// </summary>
public sealed class PackageConsumptionTests
{
    [Fact]
    public async Task A_project_using_the_package_generates_typed_inputs_and_docs_from_its_own_action_yml()
    {
        var work = Directory.CreateTempSubdirectory("cac-package-").FullName;
        try
        {
            var repository = RepositoryRoot();
            var feed = Path.Combine(work, "feed");
            var version = "0.0.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", System.Globalization.CultureInfo.InvariantCulture);
            foreach (var project in new[] { "src/Abstractions/Cac.Abstractions.csproj", "src/Generator/Cac.Generator.csproj" })
            {
                await DotnetAsync(repository, "pack", Path.Combine(repository, project), "-c", "Release", "-o", feed, "-p:Version=" + version);
            }

            var sample = Path.Combine(work, "sample");
            Directory.CreateDirectory(sample);
            var source = Path.Combine(AppContext.BaseDirectory, "Sample");
            File.Copy(Path.Combine(source, "action.yml"), Path.Combine(sample, "action.yml"));
            File.Copy(Path.Combine(source, "action-types.yml"), Path.Combine(sample, "action-types.yml"));
            File.Copy(Path.Combine(source, "Program.cs.template"), Path.Combine(sample, "Program.cs"));
            File.WriteAllText(Path.Combine(sample, "Sample.csproj"), File.ReadAllText(Path.Combine(source, "Sample.csproj.template")).Replace("$VERSION$", version, StringComparison.Ordinal));
            // The sample sits outside the repository: keep the repository's build settings out of it.
            File.WriteAllText(Path.Combine(work, "Directory.Build.props"), "<Project />");
            File.WriteAllText(Path.Combine(work, "Directory.Packages.props"), "<Project />");
            File.WriteAllText(Path.Combine(sample, "nuget.config"),
                "<configuration><packageSources><clear /><add key=\"feed\" value=\"" + feed + "\" /></packageSources></configuration>");

            var output = await DotnetAsync(sample, "run", "--packages", Path.Combine(work, "packages"));

            Assert.Contains("::add-mask::sample-secret-value", output, StringComparison.Ordinal);
            Assert.Contains("token=*** retries=3", output, StringComparison.Ordinal);
            Assert.Contains("| Name | Description | Required | Default |", output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static async Task<string> DotnetAsync(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
        var output = await stdout + await stderr;
        Assert.True(process.ExitCode == 0, "dotnet " + string.Join(' ', arguments) + " failed:\n" + output);
        return output;
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "action.yml")) && Directory.Exists(Path.Combine(directory.FullName, "src")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("Repository root not found above " + AppContext.BaseDirectory);
    }
}
