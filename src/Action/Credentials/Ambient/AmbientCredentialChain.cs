using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Cac.Action.Credentials.Ambient;

/// <summary>
/// The default credential chain in the JavaScript SDK's order, which the upstream action relies on:
/// environment variables, then the shared profile files, then a web identity token file named by
/// AWS_WEB_IDENTITY_TOKEN_FILE, then container credentials, then the instance metadata service. (The .NET
/// SDK's own chain puts profiles first; we keep upstream's order.)
/// </summary>
public sealed class AmbientCredentialChain : IAmbientCredentialProvider
{
    private readonly IReadOnlyList<IAmbientCredentialProvider> providers;

    public AmbientCredentialChain(IReadOnlyList<IAmbientCredentialProvider> providers)
    {
        this.providers = providers;
    }

    public async Task<AmbientCredentials?> TryResolveAsync(CancellationToken cancellationToken)
    {
        foreach (var provider in providers)
        {
            var credentials = await provider.TryResolveAsync(cancellationToken).ConfigureAwait(false);
            if (credentials is not null)
            {
                return credentials;
            }
        }

        return null;
    }
}
