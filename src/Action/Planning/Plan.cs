using System.Collections.Generic;
using Cac.Action.Aws;
using Cac.Action.Net.Proxy;
using Cac.Action.Tags;

namespace Cac.Action.Planning;

/// <summary>
/// What a run will do, decided from the inputs alone before any network call: a dry run prints it, tests
/// assert on it, and <see cref="Credentials.CredentialFlow"/> carries it out.
/// </summary>
public sealed record Plan
{
    public required CredentialSource Source { get; init; }
    public required AssumeMethod Method { get; init; }

    /// <summary>GetCallerIdentity with the starting credentials before anything else (keys, chaining, ambient).</summary>
    public required bool ValidatesSourceCredentials { get; init; }

    /// <summary>OIDC was implied by the inputs but the runner gave no ID-token request variables.</summary>
    public required bool OidcImpliedWithoutToken { get; init; }

    public required IReadOnlyList<SessionTag> Tags { get; init; }
    public required IReadOnlyList<string> TransitiveTagKeys { get; init; }
    public required StsEndpoint Endpoint { get; init; }
    /// <summary>The proxy for each call (the http-proxy input, else the standard proxy variables).</summary>
    public required ProxySettings Proxy { get; init; }
}
