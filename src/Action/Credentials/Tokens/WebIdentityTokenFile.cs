using System;
using System.IO;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Cac.Abstractions;
using Cac.Action.Errors;
using Cac.Action.FileSystem;

namespace Cac.Action.Credentials.Tokens;

/// <summary>
/// Reads <c>web-identity-token-file</c> safely: a relative path is taken from GITHUB_WORKSPACE, symbolic
/// links are refused (a link could point the action at any file) except on the kubelet's projected-token
/// path, which is a chain of links by design; only a regular file of at most 64 KiB is read, so a named
/// pipe cannot hang the run nor /dev/zero exhaust its memory; the token is trimmed and masked.
/// </summary>
public static partial class WebIdentityTokenFile
{
    /// <summary>
    /// The most read from a token file. STS takes web identity tokens of up to 20,000 characters; a
    /// larger file is not a token.
    /// </summary>
    public const int MaxBytes = 64 * 1024;

    public static Task<Secret> ReadAsync(string path, IActionEnvironment environment, ISecretMasker masker, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var resolved = Resolve(path, environment);
        var allowListed = IsAllowListed(resolved);
        string? content;
        try
        {
            if (!allowListed)
            {
                SafeFiles.RefuseSymbolicLinks(resolved);
            }

            // Links are followed only on the kubelet path; everywhere else the kernel refuses them too.
            content = SafeFileReader.ReadAllText(resolved, MaxBytes, followLinks: allowListed);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new ActionError(exception.Message, ErrorCode.TokenFile, exception);
        }

        if (content is null)
        {
            throw new ActionError("Web identity token file does not exist: " + resolved, ErrorCode.TokenFile);
        }

        content = content.Trim();
        if (content.Length == 0)
        {
            throw new ActionError("Web identity token file is empty: " + resolved, ErrorCode.TokenFile);
        }

        return Task.FromResult(Secret.Create(content, masker));
    }

    public static string Resolve(string path, IActionEnvironment environment)
    {
        // Normalised so that "." and ".." segments cannot dress another path up as the kubelet's.
        if (Path.IsPathRooted(path))
        {
            return Path.GetFullPath(path);
        }

        var workspace = environment.GetVariable("GITHUB_WORKSPACE") ?? string.Empty;
        return Path.GetFullPath(Path.Combine(workspace, path));
    }

    /// <summary>The kubelet projected service-account token, whose path is a symlink chain by design.</summary>
    public static bool IsAllowListed(string path) =>
        path == Path.GetFullPath(path) && KubeletTokenPattern().IsMatch(path);

    [GeneratedRegex("^/var/run/secrets/[^/]+/serviceaccount/token$")]
    private static partial Regex KubeletTokenPattern();
}
