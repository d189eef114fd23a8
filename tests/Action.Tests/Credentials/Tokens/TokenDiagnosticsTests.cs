using System.Collections.Generic;
using Cac.Action.Credentials.Tokens;

namespace Cac.Action.Tests.Credentials.Tokens;

public class TokenDiagnosticsTests
{
    private static Dictionary<string, string> Claims(params (string Name, string Value)[] claims)
    {
        var result = new Dictionary<string, string>();
        foreach (var (name, value) in claims)
        {
            result[name] = value;
        }

        return result;
    }

    private static Dictionary<string, string> Repo(string sub, params (string Name, string Value)[] more)
    {
        var claims = Claims(("sub", sub), ("repository", "o/r"), ("repository_owner_id", "123"), ("repository_id", "456"));
        foreach (var (name, value) in more)
        {
            claims[name] = value;
        }

        return claims;
    }

    [Theory]
    [InlineData("repo:o/r:ref:refs/heads/main", "repo:o/r:ref:refs/heads/main", "repo:o@123/r@456:ref:refs/heads/main")]
    [InlineData("repo:o@123/r@456:ref:refs/heads/main", "repo:o/r:ref:refs/heads/main", "repo:o@123/r@456:ref:refs/heads/main")]
    [InlineData("repo:o/r:environment:prod", "repo:o/r:environment:prod", "repo:o@123/r@456:environment:prod")]
    [InlineData("repo:o@123/r@456:environment:prod", "repo:o/r:environment:prod", "repo:o@123/r@456:environment:prod")]
    [InlineData("repo:o/r:pull_request", "repo:o/r:pull_request", "repo:o@123/r@456:pull_request")]
    [InlineData("repo:o/r:ref:refs/tags/v1.2:3", "repo:o/r:ref:refs/tags/v1.2:3", "repo:o@123/r@456:ref:refs/tags/v1.2:3")]
    public void Both_subject_forms_are_derived_from_either_form_of_sub(string sub, string classic, string immutable)
    {
        var claims = Repo(sub);

        Assert.Equal(classic, TokenDiagnostics.ClassicSubject(claims));
        Assert.Equal(immutable, TokenDiagnostics.ImmutableSubject(claims));
    }

    [Theory]
    [InlineData("environment", "prod", "repo:o/r:environment:prod")]
    [InlineData("event_name", "pull_request", "repo:o/r:pull_request")]
    [InlineData("event_name", "push", "repo:o/r:ref:refs/heads/main")]
    public void Without_a_repo_subject_the_context_comes_from_the_other_claims(string name, string value, string expected)
    {
        var claims = Repo("custom-subject-format", ("ref", "refs/heads/main"), (name, value));

        Assert.Equal(expected, TokenDiagnostics.ClassicSubject(claims));
    }

    [Fact]
    public void Without_a_repository_claim_the_classic_subject_is_the_sub_claim()
    {
        Assert.Equal("repo:o/r:ref:refs/heads/main", TokenDiagnostics.ClassicSubject(Claims(("sub", "repo:o/r:ref:refs/heads/main"))));
    }

    [Theory]
    [InlineData("repository_owner_id")]
    [InlineData("repository_id")]
    [InlineData("repository")]
    public void Without_the_ids_there_is_no_immutable_subject(string missing)
    {
        var claims = Repo("repo:o/r:ref:refs/heads/main");
        claims.Remove(missing);

        Assert.Null(TokenDiagnostics.ImmutableSubject(claims));
    }

    [Fact]
    public void Condition_is_a_trust_policy_fragment_for_aud_and_sub()
    {
        var condition = TokenDiagnostics.Condition("token.actions.githubusercontent.com", "sts.amazonaws.com", "repo:o/r:ref:refs/heads/main");

        Assert.Equal(
            "  \"Condition\": { \"StringEquals\": { \"token.actions.githubusercontent.com:aud\": \"sts.amazonaws.com\", \"token.actions.githubusercontent.com:sub\": \"repo:o/r:ref:refs/heads/main\" } }",
            condition);
    }
}
