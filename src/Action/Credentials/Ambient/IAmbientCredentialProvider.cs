using System.Threading;
using System.Threading.Tasks;

namespace Cac.Action.Credentials.Ambient;

/// <summary>One place ambient credentials can come from; <c>null</c> when it has none.</summary>
public interface IAmbientCredentialProvider
{
    Task<AmbientCredentials?> TryResolveAsync(CancellationToken cancellationToken);
}
