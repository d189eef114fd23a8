using System.Threading;
using System.Threading.Tasks;
using Cac.Abstractions;

namespace Cac.Action.Credentials.Ambient;

/// <summary>
/// AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN. Skipped when AWS_PROFILE is set (the
/// JavaScript SDK's rule) and when <c>unset-current-credentials</c> cleared them for this run.
/// </summary>
public sealed class EnvironmentCredentialProvider : IAmbientCredentialProvider
{
    private readonly IActionEnvironment environment;
    private readonly ISecretMasker masker;
    private readonly bool ignored;

    public EnvironmentCredentialProvider(IActionEnvironment environment, ISecretMasker masker, bool ignored)
    {
        this.environment = environment;
        this.masker = masker;
        this.ignored = ignored;
    }

    public Task<AmbientCredentials?> TryResolveAsync(CancellationToken cancellationToken)
    {
        var keyId = environment.GetVariable("AWS_ACCESS_KEY_ID");
        var secret = environment.GetVariable("AWS_SECRET_ACCESS_KEY");
        if (ignored || !string.IsNullOrEmpty(environment.GetVariable("AWS_PROFILE"))
            || string.IsNullOrEmpty(keyId) || string.IsNullOrEmpty(secret))
        {
            return Task.FromResult<AmbientCredentials?>(null);
        }

        var token = environment.GetVariable("AWS_SESSION_TOKEN") ?? string.Empty;
        return Task.FromResult<AmbientCredentials?>(AmbientCredentials.Create(keyId, secret, token, "environment variables", masker));
    }
}
