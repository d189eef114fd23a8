using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;

namespace Cac.Emulators;

/// <summary>
/// A <c>credential_process</c> value for a profile that runs the test helper tools/CredentialProcess (built
/// with the solution and copied beside Cac.Emulators.dll) through the dotnet host, so no shell or script is
/// involved on any platform. <see cref="CommandLine"/> follows the SDKs' rules: each element that holds a
/// space is wrapped in double quotes, nothing else is escaped.
/// </summary>
public sealed record CredentialProcessCommand
{
    private CredentialProcessCommand(IReadOnlyList<string> mode)
    {
        Mode = mode;
    }

    /// <summary>What the helper does: print FILE, fail CODE TEXT, hang, print-then-hang FILE, garbage, flood BYTES.</summary>
    public IReadOnlyList<string> Mode { get; }

    /// <summary>Options placed before the mode (--args-to, --env-to, --stderr).</summary>
    public IReadOnlyList<string> Options { get; init; } = [];

    /// <summary>Where <see cref="Recording"/> has the helper write the arguments it received (a JSON array), or null.</summary>
    public string? ArgumentsFile { get; init; }

    /// <summary>Where <see cref="Recording"/> has the helper write the environment it inherited (a JSON object), or null.</summary>
    public string? EnvironmentFile { get; init; }

    /// <summary>The program, then its arguments, unquoted.</summary>
    public IReadOnlyList<string> Elements => [DotnetHost, HelperPath, .. Options, .. Mode];

    /// <summary>The value for <c>credential_process =</c>.</summary>
    public string CommandLine => string.Join(' ', Elements.Select(Quote));

    /// <summary>The dotnet host that runs the helper (the one running this process).</summary>
    public static string DotnetHost
    {
        get
        {
            var fromCli = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
            if (!string.IsNullOrEmpty(fromCli) && File.Exists(fromCli))
            {
                return fromCli;
            }

            // <root>/shared/Microsoft.NETCore.App/<version>/ is where the running runtime lives; the host is in <root>.
            var root = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
            var host = Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
            return File.Exists(host) ? host : throw new FileNotFoundException("The dotnet host was not found beside the running runtime.", host);
        }
    }

    /// <summary>Cac.CredentialProcess.dll beside this assembly.</summary>
    public static string HelperPath
    {
        get
        {
            var path = Path.Combine(AppContext.BaseDirectory, "Cac.CredentialProcess.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException("Cac.CredentialProcess.dll is not beside the test assembly: reference tools/Emulators (which builds it).", path);
        }
    }

    /// <summary>Prints <paramref name="credentials"/> as Version 1 JSON (written to a file in <paramref name="directory"/>) and exits 0.</summary>
    public static CredentialProcessCommand Printing(string directory, IssuedCredentials credentials, int version = 1, bool withAccountId = false) =>
        PrintingText(directory, CredentialProcessOutput.Json(credentials, version, withAccountId));

    /// <summary>Prints <paramref name="text"/> as it is (hostile or broken JSON included) and exits 0.</summary>
    public static CredentialProcessCommand PrintingText(string directory, string text) => new(["print", WriteOutput(directory, text)]);

    /// <summary>Writes <paramref name="stderr"/> to standard error and exits with <paramref name="exitCode"/>.</summary>
    public static CredentialProcessCommand Failing(int exitCode, string stderr) => new(["fail", exitCode.ToString(System.Globalization.CultureInfo.InvariantCulture), stderr]);

    /// <summary>Prints nothing and never exits: the caller's timeout must end it.</summary>
    public static CredentialProcessCommand Hanging() => new(["hang"]);

    /// <summary>Prints valid credentials but never exits or closes standard output.</summary>
    public static CredentialProcessCommand PrintingThenHanging(string directory, IssuedCredentials credentials) =>
        new(["print-then-hang", WriteOutput(directory, CredentialProcessOutput.Json(credentials))]);

    /// <summary>Prints text that is not JSON (with a NUL and an escape sequence in it) and exits 0.</summary>
    public static CredentialProcessCommand Garbage() => new(["garbage"]);

    /// <summary>Prints <paramref name="bytes"/> bytes and exits 0: the caller's output limit must stop it.</summary>
    public static CredentialProcessCommand Flooding(int bytes) => new(["flood", bytes.ToString(System.Globalization.CultureInfo.InvariantCulture)]);

    /// <summary>Also records the arguments and environment the helper gets, in files under <paramref name="directory"/>.</summary>
    public CredentialProcessCommand Recording(string directory)
    {
        var run = Guid.NewGuid().ToString("N");
        var arguments = Path.Combine(directory, "credential-process-args-" + run + ".json");
        var environment = Path.Combine(directory, "credential-process-env-" + run + ".json");
        return this with { Options = [.. Options, "--args-to", arguments, "--env-to", environment], ArgumentsFile = arguments, EnvironmentFile = environment };
    }

    /// <summary>Also writes <paramref name="text"/> to standard error (a secret in it must never reach the log).</summary>
    public CredentialProcessCommand WithStandardError(string text) => this with { Options = [.. Options, "--stderr", text] };

    private static string WriteOutput(string directory, string text)
    {
        var path = Path.Combine(Directory.CreateDirectory(directory).FullName, "credential-process-output-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, text);
        return path;
    }

    private static string Quote(string element)
    {
        if (element.Contains('"', StringComparison.Ordinal))
        {
            throw new ArgumentException("A credential_process element cannot hold a double quote: the SDKs' rules have no escape for it.", nameof(element));
        }

        return element.Length == 0 || element.Any(char.IsWhiteSpace) ? "\"" + element + "\"" : element;
    }
}
