using System.Threading;
using System.Threading.Tasks;
using Cac.Abstractions;

namespace Cac.Action.Credentials.Ambient;

/// <summary>
/// AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN. Skipped when AWS_PROFILE is set (the
/// JavaScript SDK's rule) and when <c>unset-current-credentials</c> cleared them for this run. A profile's
/// <c>credential_source = Environment</c> asks it with <see cref="ResolveKeys"/>, which ignores AWS_PROFILE.
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

    public string Name => "environment variables";

    public Task<AmbientResult> TryResolveAsync(CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(environment.GetVariable("AWS_PROFILE")))
        {
            return Task.FromResult(AmbientResult.Declined("AWS_PROFILE is set"));
        }

        return Task.FromResult(ResolveKeys());
    }

    /// <summary>The keys in the variables, whatever AWS_PROFILE says.</summary>
    public AmbientResult ResolveKeys()
    {
        if (ignored)
        {
            return AmbientResult.Declined("unset-current-credentials cleared them for this run");
        }

        var keyId = environment.GetVariable("AWS_ACCESS_KEY_ID");
        var secret = environment.GetVariable("AWS_SECRET_ACCESS_KEY");
        if (string.IsNullOrEmpty(keyId) || string.IsNullOrEmpty(secret))
        {
            return AmbientResult.Declined("AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not both set");
        }

        var token = environment.GetVariable("AWS_SESSION_TOKEN") ?? string.Empty;
        return AmbientResult.Found(AmbientCredentials.Create(keyId, secret, token, Name, masker));
    }
}
