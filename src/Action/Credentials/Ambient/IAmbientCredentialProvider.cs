using System.Threading;
using System.Threading.Tasks;

namespace Cac.Action.Credentials.Ambient;

/// <summary>
/// One place ambient credentials can come from. It either finds credentials, declines with the reason (it is
/// not configured here: that is for the debug log and the final list of what was tried), or throws an
/// <see cref="Errors.ActionError"/> when it is configured but broken, which ends the chain: a profile the
/// runner's owner set up and that cannot produce credentials is the error, not the next provider.
/// </summary>
public interface IAmbientCredentialProvider
{
    /// <summary>What the provider is, as messages name it ("environment variables").</summary>
    string Name { get; }

    Task<AmbientResult> TryResolveAsync(CancellationToken cancellationToken);
}
