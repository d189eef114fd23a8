using System;
using System.Linq;
using System.Threading.Tasks;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using Cac.Emulators.Tests.Support;

namespace Cac.Emulators.Tests;

/// <summary>What the profile chains need from STS: source_profile hops, credential_source callers, and MFA refusals.</summary>
public sealed class StsChainAndMfaTests
{
    private const string Middle = "arn:aws:iam::111111111111:role/middle";
    private const string Target = "arn:aws:iam::222222222222:role/target";
    private const string Device = "arn:aws:iam::111111111111:mfa/ci-user";

    [Fact]
    public async Task A_source_profile_chain_assumes_each_role_with_the_previous_roles_session()
    {
        await using var sts = await StsEmulator.StartAsync();
        sts.Behavior.RegisterRole(new StsRole(Middle) { AllowedCallers = [StsClients.UserArn] });
        sts.Behavior.RegisterRole(new StsRole(Target) { AllowedCallers = [Middle] });
        using var user = StsClients.AsUser(sts);

        var first = (await user.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = Middle, RoleSessionName = "hop-1" })).Credentials;
        using var middle = StsClients.Signed(sts, first.AccessKeyId, first.SecretAccessKey, first.SessionToken);
        var second = await middle.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = Target, RoleSessionName = "hop-2" });
        var refused = await Assert.ThrowsAnyAsync<AmazonSecurityTokenServiceException>(() => user.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = Target, RoleSessionName = "skip" }));

        Assert.Equal("arn:aws:sts::222222222222:assumed-role/target/hop-2", second.AssumedRoleUser.Arn);
        Assert.Equal("AccessDenied", refused.ErrorCode);
        Assert.Equal([StsClients.UserKeyId, first.AccessKeyId, StsClients.UserKeyId], sts.Requests.Select(r => r.AccessKeyId));
    }

    [Fact]
    public async Task A_credential_source_caller_is_the_instance_role_and_counts_as_role_chaining()
    {
        await using var sts = await StsEmulator.StartAsync();
        var instanceRole = "arn:aws:iam::111111111111:role/runner-instance";
        sts.Behavior.RegisterRole(new StsRole(Target) { AllowedCallers = [instanceRole], MaxSessionDuration = TimeSpan.FromHours(4) });
        var instance = sts.Behavior.IssuerFor(instanceRole, "i-0123456789abcdef0").Issue(DateTimeOffset.UtcNow.AddHours(6));
        using var client = StsClients.Signed(sts, instance.AccessKeyId, instance.SecretAccessKey, instance.SessionToken);

        var assumed = await client.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = Target, RoleSessionName = "from-ec2", DurationSeconds = 3600 });
        var tooLong = await Assert.ThrowsAnyAsync<AmazonSecurityTokenServiceException>(() =>
            client.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = Target, RoleSessionName = "from-ec2", DurationSeconds = 7200 }));

        Assert.NotNull(assumed.Credentials);
        Assert.Contains("role chaining", tooLong.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Expired_issued_credentials_are_refused_as_expired()
    {
        await using var sts = await StsEmulator.StartAsync();
        var expired = sts.Behavior.IssuerFor("arn:aws:iam::111111111111:role/runner-instance", "i-1").Issue(DateTimeOffset.UtcNow.AddMinutes(-1));
        using var client = StsClients.Signed(sts, expired.AccessKeyId, expired.SecretAccessKey, expired.SessionToken);

        var error = await Assert.ThrowsAnyAsync<AmazonSecurityTokenServiceException>(() => client.GetCallerIdentityAsync(new GetCallerIdentityRequest()));

        Assert.Equal("ExpiredToken", error.ErrorCode);
    }

    [Fact]
    public async Task A_role_that_requires_mfa_refuses_a_call_without_it()
    {
        await using var sts = await StsEmulator.StartAsync();
        Roles.RegisterDeployRole(sts, role => role with { RequiresMfa = true });
        using var client = StsClients.AsUser(sts);

        var error = await Assert.ThrowsAnyAsync<AmazonSecurityTokenServiceException>(() => client.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = StsClients.RoleArn, RoleSessionName = "ci" }));

        Assert.Equal("AccessDenied", error.ErrorCode);
        Assert.Equal($"User: {StsClients.UserArn} is not authorized to perform: sts:AssumeRole on resource: {StsClients.RoleArn}", error.Message);
    }

    [Fact]
    public async Task A_serial_number_without_a_code_and_a_wrong_code_are_refused_with_stss_wording()
    {
        await using var sts = await StsEmulator.StartAsync();
        Roles.RegisterDeployRole(sts, role => role with { RequiresMfa = true });
        sts.Behavior.RegisterMfaDevice(Device, "123456");
        using var client = StsClients.AsUser(sts);

        var missingCode = await Assert.ThrowsAnyAsync<AmazonSecurityTokenServiceException>(() =>
            client.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = StsClients.RoleArn, RoleSessionName = "ci", SerialNumber = Device }));
        var wrongCode = await Assert.ThrowsAnyAsync<AmazonSecurityTokenServiceException>(() =>
            client.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = StsClients.RoleArn, RoleSessionName = "ci", SerialNumber = Device, TokenCode = "654321" }));
        var right = await client.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = StsClients.RoleArn, RoleSessionName = "ci", SerialNumber = Device, TokenCode = "123456" });

        Assert.Equal("MultiFactorAuthentication failed, must provide both MFA serial number and one time pass code.", missingCode.Message);
        Assert.Equal("MultiFactorAuthentication failed with invalid MFA one time pass code.", wrongCode.Message);
        Assert.NotNull(right.Credentials);
        Assert.Equal("654321", sts.Requests[1].Parameter("TokenCode"));
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("12a456")]
    public async Task A_token_code_that_is_not_six_digits_is_a_validation_error(string code)
    {
        await using var sts = await StsEmulator.StartAsync();
        Roles.RegisterDeployRole(sts);
        using var client = StsClients.AsUser(sts);

        var error = await Assert.ThrowsAnyAsync<AmazonSecurityTokenServiceException>(() =>
            client.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = StsClients.RoleArn, RoleSessionName = "ci", SerialNumber = Device, TokenCode = code }));

        Assert.Equal("ValidationError", error.ErrorCode);
        Assert.Contains("'tokenCode'", error.Message, StringComparison.Ordinal);
    }
}
