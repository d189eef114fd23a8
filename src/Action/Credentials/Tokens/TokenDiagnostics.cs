using System;
using System.Collections.Generic;
using Cac.Abstractions;
using Cac.Action.Runner;

namespace Cac.Action.Credentials.Tokens;

/// <summary>
/// After a failed AssumeRoleWithWebIdentity, prints what the GitHub token claimed (never the token) and a
/// trust-policy condition that would accept it, in the classic and the immutable <c>sub</c> forms: the
/// two facts people otherwise dig out of CloudTrail.
/// </summary>
public static class TokenDiagnostics
{
    private static readonly string[] ShownClaims =
    [
        "iss", "aud", "sub", "repository", "repository_id", "repository_owner", "repository_owner_id",
        "ref", "environment", "job_workflow_ref", "event_name",
    ];

    public static void Print(Secret token, string roleArn, string audience, ActionLog log)
    {
        var claims = JwtClaims.Decode(token);
        if (claims.Count == 0)
        {
            return;
        }

        log.Info("The GitHub OIDC token sent for " + roleArn + " carried these claims (the token itself is not shown):");
        foreach (var name in ShownClaims)
        {
            if (claims.TryGetValue(name, out var value) && value.Length > 0)
            {
                log.Info("  " + name + ": " + value);
            }
        }

        var issuerHost = IssuerHost(claims);
        var aud = claims.TryGetValue("aud", out var tokenAudience) && tokenAudience.Length > 0 ? tokenAudience : audience;
        log.Info("A trust-policy condition that accepts this token:");
        log.Info(Condition(issuerHost, aud, ClassicSubject(claims)));
        if (ImmutableSubject(claims) is { } immutable)
        {
            log.Info("or, for repositories that use GitHub's immutable subject form:");
            log.Info(Condition(issuerHost, aud, immutable));
        }
    }

    public static string Condition(string issuerHost, string audience, string subject) =>
        "  \"Condition\": { \"StringEquals\": { \"" + issuerHost + ":aud\": \"" + audience + "\", \"" + issuerHost + ":sub\": \"" + subject + "\" } }";

    /// <summary><c>repo:owner/name:context</c>, rebuilt from the claims whatever form the token used.</summary>
    public static string ClassicSubject(IReadOnlyDictionary<string, string> claims)
    {
        var repository = Claim(claims, "repository");
        return repository.Length == 0 ? Claim(claims, "sub") : "repo:" + repository + ":" + SubjectContext(claims);
    }

    /// <summary><c>repo:owner@ownerId/name@repoId:context</c>, when the token carries the IDs.</summary>
    public static string? ImmutableSubject(IReadOnlyDictionary<string, string> claims)
    {
        var repository = Claim(claims, "repository");
        var ownerId = Claim(claims, "repository_owner_id");
        var repositoryId = Claim(claims, "repository_id");
        var slash = repository.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || ownerId.Length == 0 || repositoryId.Length == 0)
        {
            return null;
        }

        return "repo:" + repository[..slash] + "@" + ownerId + "/" + repository[(slash + 1)..] + "@" + repositoryId + ":" + SubjectContext(claims);
    }

    /// <summary>The part of <c>sub</c> after the repository (<c>ref:refs/heads/main</c>, <c>environment:prod</c>, ...).</summary>
    private static string SubjectContext(IReadOnlyDictionary<string, string> claims)
    {
        var subject = Claim(claims, "sub");
        if (subject.StartsWith("repo:", StringComparison.Ordinal))
        {
            // Skip "repo:" and the repository part, which holds exactly one ':' at most in neither form.
            var afterRepository = subject.IndexOf(':', 5);
            if (afterRepository > 0)
            {
                return subject[(afterRepository + 1)..];
            }
        }

        var environment = Claim(claims, "environment");
        if (environment.Length > 0)
        {
            return "environment:" + environment;
        }

        return Claim(claims, "event_name") == "pull_request" ? "pull_request" : "ref:" + Claim(claims, "ref");
    }

    private static string IssuerHost(IReadOnlyDictionary<string, string> claims) =>
        Uri.TryCreate(Claim(claims, "iss"), UriKind.Absolute, out var issuer)
            ? issuer.Host + issuer.AbsolutePath.TrimEnd('/')
            : "token.actions.githubusercontent.com";

    private static string Claim(IReadOnlyDictionary<string, string> claims, string name) =>
        claims.TryGetValue(name, out var value) ? value : string.Empty;
}
