using System;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace Cac.Emulators.Oidc;

/// <summary>Builds a claim set shaped like the ID tokens GitHub Actions issues.</summary>
internal sealed class GitHubClaims
{
    /// <summary>An audience that no test role trusts, for the wrong-audience switch.</summary>
    public const string WrongAudience = "https://wrong-audience.example.invalid";

    // Per stand-in so that a run looks like one workflow run across many token requests.
    private readonly string _sha = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20));
    private readonly string _runId = RandomNumberGenerator.GetInt32(100_000_000, int.MaxValue).ToString(System.Globalization.CultureInfo.InvariantCulture);
    private readonly string _issuer;

    public GitHubClaims(string issuer) => _issuer = issuer;

    public JsonObject Build(OidcBehavior.TokenSettings settings, string? requestedAudience, DateTimeOffset now)
    {
        var owner = settings.Repository.Split('/')[0];
        var issuedAt = now + settings.IssueTimeOffset;
        var workflowRef = $"{settings.Repository}/.github/workflows/deploy.yml@{settings.Ref}";
        var audience = settings.UseWrongAudience ? WrongAudience : requestedAudience ?? $"https://github.com/{owner}";

        var claims = new JsonObject
        {
            ["jti"] = Guid.NewGuid().ToString("D"),
            ["sub"] = Subject(settings),
            ["aud"] = audience,
            ["ref"] = settings.Ref,
            ["sha"] = _sha,
            ["repository"] = settings.Repository,
            ["repository_owner"] = owner,
            ["repository_owner_id"] = "1342004",
            ["repository_id"] = "74",
            ["repository_visibility"] = "private",
            ["run_id"] = _runId,
            ["run_number"] = "42",
            ["run_attempt"] = "1",
            ["actor"] = "octocat",
            ["actor_id"] = "583231",
            ["workflow"] = "Deploy",
            ["workflow_ref"] = workflowRef,
            ["workflow_sha"] = _sha,
            ["job_workflow_ref"] = workflowRef,
            ["job_workflow_sha"] = _sha,
            ["event_name"] = settings.EventName,
            ["ref_type"] = settings.Ref.StartsWith("refs/tags/", StringComparison.Ordinal) ? "tag" : "branch",
            ["ref_protected"] = "false",
            ["runner_environment"] = "github-hosted",
            ["iss"] = _issuer,
            // GitHub backdates nbf by ten minutes and gives five minutes of life.
            ["nbf"] = (issuedAt - TimeSpan.FromMinutes(10)).ToUnixTimeSeconds(),
            ["iat"] = issuedAt.ToUnixTimeSeconds(),
            ["exp"] = (issuedAt + settings.Lifetime).ToUnixTimeSeconds(),
        };
        if (settings.Environment is not null)
        {
            claims["environment"] = settings.Environment;
        }

        foreach (var (name, value) in settings.ClaimOverrides)
        {
            if (value is null)
            {
                claims.Remove(name);
            }
            else
            {
                claims[name] = value.DeepClone();
            }
        }

        return claims;
    }

    // GitHub's precedence: environment, then pull_request, then the ref.
    private static string Subject(OidcBehavior.TokenSettings settings) =>
        settings.Environment is not null ? $"repo:{settings.Repository}:environment:{settings.Environment}"
        : settings.EventName == "pull_request" ? $"repo:{settings.Repository}:pull_request"
        : $"repo:{settings.Repository}:ref:{settings.Ref}";
}
