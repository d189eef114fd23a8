using System.Collections.Generic;
using System.Threading.Tasks;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using Cac.Emulators.Tests.Support;

namespace Cac.Emulators.Tests;

public sealed class SigV4Tests
{
    [Fact]
    public async Task A_wrong_secret_gives_SignatureDoesNotMatch()
    {
        await using var sts = await StsEmulator.StartAsync();
        sts.Behavior.RegisterAccessKey(StsClients.UserKeyId, StsClients.UserSecret, StsClients.UserArn);
        using var client = StsClients.Signed(sts, StsClients.UserKeyId, "not/the/right/secret/for/this/keyEXAMPLE");

        var error = await Assert.ThrowsAnyAsync<AmazonSecurityTokenServiceException>(() => client.GetCallerIdentityAsync(new GetCallerIdentityRequest()));

        Assert.Equal("SignatureDoesNotMatch", error.ErrorCode);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, error.StatusCode);
        Assert.StartsWith("The request signature we calculated does not match", error.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_access_key_gives_InvalidClientTokenId()
    {
        await using var sts = await StsEmulator.StartAsync();
        using var client = StsClients.Signed(sts, StsClients.UserKeyId, StsClients.UserSecret);

        var error = await Assert.ThrowsAnyAsync<AmazonSecurityTokenServiceException>(() => client.GetCallerIdentityAsync(new GetCallerIdentityRequest()));

        Assert.Equal("InvalidClientTokenId", error.ErrorCode);
        Assert.Equal("The security token included in the request is invalid.", error.Message);
        Assert.Equal(403, sts.Requests[0].StatusCode);
    }

    [Fact]
    public async Task A_session_token_that_does_not_belong_to_the_issued_key_gives_InvalidClientTokenId()
    {
        await using var sts = await StsEmulator.StartAsync();
        Roles.RegisterDeployRole(sts);
        using var user = StsClients.AsUser(sts);
        var first = await user.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = StsClients.RoleArn, RoleSessionName = "one" });
        var second = await user.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = StsClients.RoleArn, RoleSessionName = "two" });
        using var mixed = StsClients.Signed(sts, first.Credentials.AccessKeyId, first.Credentials.SecretAccessKey, second.Credentials.SessionToken);

        var error = await Assert.ThrowsAnyAsync<AmazonSecurityTokenServiceException>(() => mixed.GetCallerIdentityAsync(new GetCallerIdentityRequest()));

        Assert.Equal("InvalidClientTokenId", error.ErrorCode);
    }

    [Fact]
    public async Task An_issued_key_without_its_session_token_is_rejected()
    {
        await using var sts = await StsEmulator.StartAsync();
        Roles.RegisterDeployRole(sts);
        using var user = StsClients.AsUser(sts);
        var assumed = await user.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = StsClients.RoleArn, RoleSessionName = "one" });
        using var noToken = StsClients.Signed(sts, assumed.Credentials.AccessKeyId, assumed.Credentials.SecretAccessKey);

        var error = await Assert.ThrowsAnyAsync<AmazonSecurityTokenServiceException>(() => noToken.GetCallerIdentityAsync(new GetCallerIdentityRequest()));

        Assert.Equal("InvalidClientTokenId", error.ErrorCode);
    }

    [Fact]
    public async Task An_unsigned_GetCallerIdentity_gives_MissingAuthenticationToken()
    {
        await using var sts = await StsEmulator.StartAsync();

        var (status, body) = await RawSts.PostAsync(sts, new Dictionary<string, string> { ["Action"] = "GetCallerIdentity", ["Version"] = "2011-06-15" });

        Assert.Equal(403, status);
        Assert.Contains("<Code>MissingAuthenticationToken</Code>", body, System.StringComparison.Ordinal);
    }
}
