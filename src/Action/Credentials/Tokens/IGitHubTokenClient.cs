using System;
using System.Threading;
using System.Threading.Tasks;
using Cac.Abstractions;

namespace Cac.Action.Credentials.Tokens;

/// <summary>Fetches a GitHub Actions OIDC ID token (one attempt; the caller owns retries).</summary>
public interface IGitHubTokenClient
{
    /// <summary>
    /// Requests a token for <paramref name="audience"/>. The token is masked before this returns.
    /// Throws <see cref="GitHubTokenException"/> on any failure.
    /// </summary>
    Task<GitHubIdToken> GetIdTokenAsync(string audience, CancellationToken cancellationToken);
}

/// <summary>A GitHub OIDC token (masked, printed as <c>***</c>) and when it was fetched (a retry fetches a fresh one when it is old).</summary>
public sealed record GitHubIdToken(Secret Value, DateTimeOffset FetchedAt);
