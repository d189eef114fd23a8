using System;
using System.Linq;
using Cac.Action.Credentials;
using Cac.Action.Credentials.Sts;
using Cac.Action.Planning;
using Cac.Action.Results;
using Cac.Action.Tests.TestSupport;

namespace Cac.Action.Tests.Results;

public class ResultWriterTests
{
    private static readonly IssuedCredentials WithToken = new(
        TestInputs.MakeSecret("ASIAIOSFODNN7EXAMPLE"), TestInputs.MakeSecret(TestInputs.SecretAccessKey), TestInputs.MakeSecret("FwoGZXIvYXdzEBYaDEXAMPLE"),
        new DateTimeOffset(2026, 8, 18, 5, 0, 0, TimeSpan.Zero));

    private static readonly IssuedCredentials WithoutToken = new(
        TestInputs.MakeSecret(TestInputs.AccessKeyId), TestInputs.MakeSecret(TestInputs.SecretAccessKey), TestInputs.MakeSecret(""), null);

    private static (string Name, string Value)[] Exports(FlowResult result, bool stale, params (string Input, string Value)[] inputs) =>
        ResultWriter.Exports(TestInputs.Plan(inputs), result, stale).Select(pair => (pair.Key, pair.Value)).ToArray();

    private static FlowResult Result(IssuedCredentials? credentials) => new() { Source = CredentialSource.Oidc, Credentials = credentials };

    [Fact]
    public void Role_credentials_are_exported_in_upstream_order()
    {
        Assert.Equal(
            new[]
            {
                ("AWS_DEFAULT_REGION", "us-east-1"),
                ("AWS_REGION", "us-east-1"),
                ("AWS_ACCESS_KEY_ID", "ASIAIOSFODNN7EXAMPLE"),
                ("AWS_SECRET_ACCESS_KEY", TestInputs.SecretAccessKey),
                ("AWS_SESSION_TOKEN", "FwoGZXIvYXdzEBYaDEXAMPLE"),
            },
            Exports(Result(WithToken), stale: false));
    }

    [Fact]
    public void Keys_without_a_token_leave_the_session_token_alone_when_none_is_set()
    {
        var names = Exports(Result(WithoutToken), stale: false).Select(pair => pair.Name);

        Assert.Equal(new[] { "AWS_DEFAULT_REGION", "AWS_REGION", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY" }, names);
    }

    [Fact]
    public void Keys_without_a_token_clear_a_stale_session_token()
    {
        Assert.Equal(("AWS_SESSION_TOKEN", ""), Exports(Result(WithoutToken), stale: true)[^1]);
    }

    [Fact]
    public void Keys_without_a_token_clear_the_session_token_when_unsetting_current_credentials()
    {
        Assert.Equal(("AWS_SESSION_TOKEN", ""), Exports(Result(WithoutToken), false, ("unset-current-credentials", "true"))[^1]);
    }

    [Fact]
    public void Without_new_credentials_only_the_region_is_exported()
    {
        Assert.Equal(
            new[] { ("AWS_DEFAULT_REGION", "us-east-1"), ("AWS_REGION", "us-east-1") },
            Exports(new FlowResult { Source = CredentialSource.Ambient }, stale: true));
    }

    [Fact]
    public void Unset_current_credentials_without_new_credentials_clears_all_three()
    {
        Assert.Equal(
            new[]
            {
                ("AWS_DEFAULT_REGION", "us-east-1"),
                ("AWS_REGION", "us-east-1"),
                ("AWS_ACCESS_KEY_ID", ""),
                ("AWS_SECRET_ACCESS_KEY", ""),
                ("AWS_SESSION_TOKEN", ""),
            },
            Exports(new FlowResult { Source = CredentialSource.Ambient }, false, ("unset-current-credentials", "true")));
    }

    [Fact]
    public void A_profile_is_exported_last_when_env_credentials_are_on()
    {
        var exports = Exports(Result(WithToken), false, ("aws-profile", "dev"), ("output-env-credentials", "true"));

        Assert.Equal(6, exports.Length);
        Assert.Equal(("AWS_PROFILE", "dev"), exports[^1]);
    }

    [Theory]
    [InlineData("aws-profile", "dev")]
    [InlineData("output-env-credentials", "false")]
    public void Nothing_is_exported_when_env_credentials_are_off(string input, string value)
    {
        Assert.Empty(Exports(Result(WithToken), true, (input, value), ("unset-current-credentials", "true")));
    }

    public static TheoryData<DateTimeOffset, string> Expirations => new()
    {
        { new DateTimeOffset(2026, 8, 18, 5, 0, 0, TimeSpan.Zero), "2026-08-18T05:00:00Z" },
        { new DateTimeOffset(2026, 8, 18, 7, 0, 0, TimeSpan.FromHours(2)), "2026-08-18T05:00:00Z" },
        { new DateTimeOffset(2026, 8, 18, 0, 30, 0, TimeSpan.FromHours(-5)), "2026-08-18T05:30:00Z" },
        { new DateTimeOffset(2026, 8, 18, 5, 0, 0, 999, TimeSpan.Zero), "2026-08-18T05:00:00Z" },
        { new DateTimeOffset(2026, 12, 31, 23, 59, 59, TimeSpan.Zero), "2026-12-31T23:59:59Z" },
    };

    [Theory]
    [MemberData(nameof(Expirations))]
    public void FormatExpiration_is_plain_ISO_8601_UTC_to_the_second(DateTimeOffset expiration, string expected)
    {
        Assert.Equal(expected, ResultWriter.FormatExpiration(expiration));
    }
}
