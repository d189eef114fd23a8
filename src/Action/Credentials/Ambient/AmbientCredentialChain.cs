using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Cac.Action.Runner;

namespace Cac.Action.Credentials.Ambient;

/// <summary>
/// The default credential chain in the JavaScript SDK's order, which the upstream action relies on:
/// environment variables, then the profile named by AWS_PROFILE (or <c>default</c>) in the shared files,
/// then a web identity token file named by AWS_WEB_IDENTITY_TOKEN_FILE, then container credentials, then
/// the instance metadata service. (The .NET SDK's own chain puts profiles first; we keep upstream's order.)
/// Each provider that declines says why at debug level, and the chain's own decline lists them all.
/// </summary>
public sealed class AmbientCredentialChain : IAmbientCredentialProvider
{
    private readonly IReadOnlyList<IAmbientCredentialProvider> providers;
    private readonly ActionLog log;

    public AmbientCredentialChain(IReadOnlyList<IAmbientCredentialProvider> providers, ActionLog log)
    {
        this.providers = providers;
        this.log = log;
    }

    public string Name => "default credential chain";

    public async Task<AmbientResult> TryResolveAsync(CancellationToken cancellationToken)
    {
        var tried = new List<string>(providers.Count);
        foreach (var provider in providers)
        {
            var result = await provider.TryResolveAsync(cancellationToken).ConfigureAwait(false);
            if (result.Credentials is not null)
            {
                return result;
            }

            log.Debug("Ambient credentials: " + provider.Name + " declined: " + result.Reason);
            tried.Add(provider.Name + " (" + result.Reason + ")");
        }

        return AmbientResult.Declined("tried " + string.Join("; ", tried));
    }
}
