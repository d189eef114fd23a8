using System;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Cac.Abstractions;

namespace Cac.Action.Credentials.Ambient;

/// <summary>
/// Runs a profile's <c>credential_process</c>: the program started directly (see <see cref="ProcessCommandLine"/>),
/// no standard input, a time limit after which the whole process tree is killed, at most
/// <see cref="MaxOutputCharacters"/> of output, and the answer checked as the SDKs check it (<c>Version</c> 1,
/// both keys, an <c>Expiration</c> in the future). Standard error is never shown: such tools print tokens
/// and debugging output there, and nothing could mask what we do not know. The child inherits the action's
/// environment, as under every SDK.
/// </summary>
public sealed class CredentialProcessRunner
{
    /// <summary>How long a process may take; the SDKs set none, but a CI job must not hang on a login prompt.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(1);

    /// <summary>The most read from either output stream; a credential document is well under 4,096 characters.</summary>
    public const int MaxOutputCharacters = 64 * 1024;

    private static readonly string TooMuchOutput =
        "credential_process wrote more than " + MaxOutputCharacters.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " characters";

    private readonly ISecretMasker masker;
    private readonly TimeProvider time;
    private readonly TimeSpan timeout;

    public CredentialProcessRunner(ISecretMasker masker, TimeProvider time, TimeSpan? timeout = null)
    {
        this.masker = masker;
        this.time = time;
        this.timeout = timeout ?? DefaultTimeout;
    }

    /// <summary>The credentials, or throws <see cref="ProfileProblem"/> saying what went wrong (never what the process wrote).</summary>
    public async Task<AmbientCredentials> RunAsync(string commandLine, string provider, CancellationToken cancellationToken)
    {
        var elements = ProcessCommandLine.Split(commandLine, out var problem) ?? throw new ProfileProblem(problem!);
        var start = new ProcessStartInfo(elements[0])
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            CreateNoWindow = true,
            StandardOutputEncoding = Encoding.UTF8,
        };
        for (var i = 1; i < elements.Count; i++)
        {
            start.ArgumentList.Add(elements[i]);
        }

        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Win32Exception exception)
        {
            throw new ProfileProblem("credential_process could not start '" + elements[0] + "': " + exception.Message);
        }

        try
        {
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The process is already gone; its exit code says why.
        }

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        var output = ReadBoundedAsync(process.StandardOutput, limit);
        var error = ReadBoundedAsync(process.StandardError, limit);
        try
        {
            await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
            await Task.WhenAll(output, error).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Kill(process);
            throw new ProfileProblem(WroteTooMuch(output, error)
                ? TooMuchOutput
                : "credential_process did not finish within " + timeout.TotalSeconds + " seconds and was stopped");
        }
        finally
        {
            Kill(process);
        }

        // The process may also exit before the limit's cancellation reaches the wait.
        if (WroteTooMuch(output, error))
        {
            throw new ProfileProblem(TooMuchOutput);
        }

        var stderrLength = (await error.ConfigureAwait(false))?.Length ?? 0;
        var errorNote = stderrLength > 0 ? " (its standard error, " + stderrLength + " characters, is not shown: it may hold secrets)" : string.Empty;
        if (process.ExitCode != 0)
        {
            throw new ProfileProblem("credential_process exited with code " + process.ExitCode + errorNote);
        }

        return Parse(await output.ConfigureAwait(false) ?? string.Empty, provider, errorNote);
    }

    private AmbientCredentials Parse(string json, string provider, string errorNote)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new ProfileProblem("credential_process did not print a JSON object" + errorNote);
            }

            if (!root.TryGetProperty("Version", out var version) || version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out var number) || number != 1)
            {
                throw new ProfileProblem("credential_process printed a document without \"Version\": 1, the only version the SDKs accept");
            }
        }
        catch (JsonException)
        {
            throw new ProfileProblem("credential_process did not print JSON" + errorNote);
        }

        var result = CredentialJson.Parse(json, masker, provider, time.GetUtcNow(), tokenName: "SessionToken");
        return result.Credentials ?? throw new ProfileProblem("credential_process printed unusable credentials: " + result.Reason);
    }

    /// <summary>Whether a stream passed <see cref="MaxOutputCharacters"/> (its reader then ends with <c>null</c>).</summary>
    private static bool WroteTooMuch(params Task<string?>[] streams) =>
        Array.Exists(streams, stream => stream.IsCompletedSuccessfully && stream.Result is null);

    /// <summary>The stream's text, or <c>null</c> (and the limit cancelled) once it passes <see cref="MaxOutputCharacters"/>.</summary>
    private static async Task<string?> ReadBoundedAsync(StreamReader reader, CancellationTokenSource limit)
    {
        var text = new StringBuilder();
        var buffer = new char[4096];
        int read;
        while ((read = await reader.ReadAsync(buffer.AsMemory(), limit.Token).ConfigureAwait(false)) > 0)
        {
            text.Append(buffer, 0, read);
            if (text.Length > MaxOutputCharacters)
            {
                await limit.CancelAsync().ConfigureAwait(false);
                return null;
            }
        }

        return text.ToString();
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (Exception exception) when (exception is InvalidOperationException or Win32Exception or NotSupportedException)
        {
            // Already gone.
        }
    }
}
