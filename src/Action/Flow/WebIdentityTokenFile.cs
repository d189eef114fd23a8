using System.IO;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Cac.Abstractions;
using Cac.Action.Errors;
using Cac.Action.FileSystem;

namespace Cac.Action.Flow;

/// <summary>
/// Reads <c>web-identity-token-file</c> safely: a relative path is taken from GITHUB_WORKSPACE, symbolic
/// links are refused (a link could point the action at any file) except on the kubelet's projected-token
/// path, which is a chain of links by design; the token is trimmed and masked.
/// </summary>
public static partial class WebIdentityTokenFile
{
    public static async Task<Secret> ReadAsync(string path, IActionEnvironment environment, ISecretMasker masker, CancellationToken cancellationToken)
    {
        var resolved = Resolve(path, environment);
        if (!IsAllowListed(resolved))
        {
            try
            {
                SafeFiles.RefuseSymbolicLinks(resolved);
            }
            catch (IOException exception)
            {
                throw new ActionError(exception.Message, ErrorCode.TokenFile, exception);
            }
        }

        if (!File.Exists(resolved))
        {
            if (Directory.Exists(resolved))
            {
                throw new ActionError(resolved + " (path is not a regular file)", ErrorCode.TokenFile);
            }

            throw new ActionError("Web identity token file does not exist: " + resolved, ErrorCode.TokenFile);
        }

        string content;
        try
        {
            // Followed links are allowed only on the kubelet path; everywhere else the kernel refuses them.
            using var stream = IsAllowListed(resolved) ? File.OpenRead(resolved) : NoFollowFile.OpenRead(resolved);
            using var reader = new StreamReader(stream);
            content = (await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false)).Trim();
        }
        catch (SymbolicLinkException exception)
        {
            throw new ActionError(exception.Message, ErrorCode.TokenFile, exception);
        }
        if (content.Length == 0)
        {
            throw new ActionError("Web identity token file is empty: " + resolved, ErrorCode.TokenFile);
        }

        return Secret.Create(content, masker);
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
