using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Cac.Abstractions;
using Cac.Action.Runner;

namespace Cac.Action.Startup;

/// <summary>
/// What happens between the process starting and <see cref="ActionHost"/>: which stage to run, and, on
/// Linux, whether the system's OpenSSL is there. Program passes the real process; tests pass fakes.
/// </summary>
public static class ProcessStart
{
    /// <summary>The name of the link the container image starts the post stage through (<c>/app/post</c>).</summary>
    public const string PostLinkName = "post";

    public static Task<int> RunAsync(
        string? programPath, string[] args, IActionEnvironment environment, IConsole console, bool isLinux, Func<string, bool> canLoadLibrary)
    {
        var stage = StageArguments(programPath, args);
        if (stage.Length == 0 && isLinux && !OpenSsl.IsAvailable(environment, canLoadLibrary, out var tried))
        {
            var error = OpenSsl.Missing(tried);
            new ActionLog(console, isDebug: false).Error(error.Message + "\n[" + error.Code.Code + "] " + error.Code.Hint);
            return Task.FromResult(1);
        }

        return ActionHost.RunAsync(stage, environment, console, TimeProvider.System, ActionHostOptions.Default, CancellationToken.None);
    }

    /// <summary>
    /// The arguments for <see cref="ActionHost"/>. A container runs its post entry point with the same
    /// arguments as the main one, so the image starts the post stage through a link named
    /// <see cref="PostLinkName"/> to the binary rather than through a shell script (a shell would drop the
    /// runner's variables whose names contain hyphens, such as <c>STATE_exported-variables</c>).
    /// </summary>
    public static string[] StageArguments(string? programPath, string[] args)
    {
        var name = Path.GetFileNameWithoutExtension(programPath ?? string.Empty);
        return string.Equals(name, PostLinkName, StringComparison.Ordinal) ? [PostLinkName, .. args] : args;
    }
}
