using System;
using Cac.Action.Credentials.Ambient;

namespace Cac.Action.Tests.Credentials.Ambient;

/// <summary>How the AWS CLI's SSO token cache is found and read.</summary>
public sealed class SsoRoleCredentialsTests
{
    [Theory]
    [InlineData("my-sso", "0ad374308c5a4e22f723adf10145eafad7c4031c.json")]
    [InlineData("https://my-sso-portal.awsapps.com/start", "c7aaaf71fcc8777ae2475525ed049d39fe16c484.json")]
    public void The_cache_file_is_the_sha1_of_the_session_name_or_start_url(string key, string expected) =>
        Assert.Equal(expected, SsoRoleCredentials.CacheFileName(key));

    [Theory]
    [InlineData("2026-12-02T10:00:00Z")]
    [InlineData("2026-12-02T10:00:00UTC")]
    [InlineData("2026-12-02T10:00:00+00:00")]
    [InlineData("2026-12-02T12:00:00+02:00")]
    public void Every_timestamp_style_the_cli_and_other_tools_write_is_read(string value) =>
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.Zero), SsoRoleCredentials.ParseTimestamp(value));

    [Theory]
    [InlineData("")]
    [InlineData("tomorrow")]
    public void Anything_else_is_not_a_timestamp(string value) => Assert.Null(SsoRoleCredentials.ParseTimestamp(value));
}
