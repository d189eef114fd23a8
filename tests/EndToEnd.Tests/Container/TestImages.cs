using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using System;
using Cac.Emulators.Runner;
using Cac.EndToEnd.Tests.Runner;
using Cac.TestSupport;

namespace Cac.EndToEnd.Tests.Container;

/// <summary>
/// Images built with podman from the published binary, laid out as the Dockerfile's final stage lays out
/// the real image: /app/configure-aws-credentials as the entry point, /app/post a link to it, and only
/// the shared libraries the binary loads (those ldd lists, and those the loader reports opening at run
/// time, libssl among them). No registry is reachable here, so the base is empty (FROM scratch), which
/// also proves the image needs no shell. Two more images serve the tests that show what goes wrong
/// without that layout: one without libssl, one whose post entry point is a /bin/sh script.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class TestImages : IAsyncLifetime
{
    private readonly string directory = Directory.CreateTempSubdirectory("cac-image-").FullName;

    /// <summary>The image the packaged container/action.yml runs.</summary>
    public string Image { get; private set; } = string.Empty;

    public string WithoutLibssl => Image + "-no-libssl";

    public string WithShellScriptPost => Image + "-shell-post";

    internal ActionManifest Action { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Action = ActionManifest.Load(ReleasePackage.ContainerActionYml);
        Image = Action.Runs["image"].StartsWith("docker://", StringComparison.Ordinal)
            ? Action.Runs["image"]["docker://".Length..]
            : throw new InvalidOperationException("container/action.yml should run a docker:// image, not " + Action.Runs["image"]);

        var binary = LocalAws.FindPublishedExecutable();
        var libraries = await LoadedLibrariesAsync(binary);
        Assert.Contains(libraries, library => Path.GetFileName(library).StartsWith("libssl.so", StringComparison.Ordinal));

        await BuildAsync(Image, binary, libraries, shellPostScript: false);
        await BuildAsync(WithoutLibssl, binary, libraries.Where(library => !Regex.IsMatch(Path.GetFileName(library), "^lib(ssl|crypto)\\.so")), shellPostScript: false);
        await BuildAsync(WithShellScriptPost, binary, libraries, shellPostScript: true);
    }

    public async Task DisposeAsync()
    {
        await Podman("rmi", "--force", Image, WithoutLibssl, WithShellScriptPost);
        Directory.Delete(directory, recursive: true);
    }

    internal static async Task<ChildProcess.Result> Podman(params string[] arguments)
    {
        string podman;
        try
        {
            podman = ChildProcess.Find("podman");
        }
        catch (FileNotFoundException)
        {
            throw new InvalidOperationException("The container tests need podman: run ./scripts/install-test-tools (.ci/run does).");
        }

        return await ChildProcess.RunAsync(podman, arguments, new Dictionary<string, string> { ["PATH"] = Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin" }, Path.GetTempPath());
    }

    /// <summary>The libraries ldd lists, plus those the loader opens while the main stage starts (it loads libssl).</summary>
    private static async Task<IReadOnlyList<string>> LoadedLibrariesAsync(string binary)
    {
        var ldd = await ChildProcess.RunAsync(ChildProcess.Find("ldd"), [binary], new Dictionary<string, string> { ["PATH"] = "/usr/bin:/bin" }, Path.GetTempPath());
        var libraries = Regex.Matches(ldd.StandardOutput, @"(?:=> )?(/\S+) \(0x").Select(match => match.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

        // No runner variables: the main stage checks for libssl, then stops at the missing input.
        var run = await ChildProcess.RunAsync(binary, [], new Dictionary<string, string> { ["LD_DEBUG"] = "files" }, Path.GetTempPath());
        foreach (Match match in Regex.Matches(run.StandardError, @"calling init: (/\S+)"))
        {
            libraries.Add(match.Groups[1].Value);
        }

        return libraries.Order(StringComparer.Ordinal).ToList();
    }

    private async Task BuildAsync(string tag, string binary, IEnumerable<string> libraries, bool shellPostScript)
    {
        var context = Directory.CreateDirectory(Path.Combine(directory, Regex.Replace(tag, "[^a-z0-9]+", "-"))).FullName;
        var root = Directory.CreateDirectory(Path.Combine(context, "rootfs")).FullName;
        var app = Directory.CreateDirectory(Path.Combine(root, "app")).FullName;
        File.Copy(binary, Path.Combine(app, "configure-aws-credentials"));
        foreach (var library in libraries)
        {
            var target = root + library;
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(library, target, overwrite: true);
        }

        if (shellPostScript)
        {
            // The post entry point as it used to be: a script run by the image's sh (dash).
            Directory.CreateDirectory(Path.Combine(root, "bin"));
            File.Copy("/bin/dash", Path.Combine(root, "bin", "sh"));
            File.WriteAllText(Path.Combine(app, "post"), "#!/bin/sh\nexec /app/configure-aws-credentials post\n");
            File.SetUnixFileMode(Path.Combine(app, "post"), (UnixFileMode)0b111_101_101);
        }
        else
        {
            File.CreateSymbolicLink(Path.Combine(app, "post"), "configure-aws-credentials");
        }

        File.WriteAllText(Path.Combine(context, "Containerfile"), "FROM scratch\nCOPY rootfs/ /\nENTRYPOINT [\"/app/configure-aws-credentials\"]\n");
        var build = await Podman("build", "--quiet", "--tag", tag, "--file", Path.Combine(context, "Containerfile"), context);
        AssertWith.Equal(0, build.ExitCode, "podman build failed:\n" + build.StandardOutput + build.StandardError);
    }
}
