using System;
using System.Linq;
using System.Threading.Tasks;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using Cac.Emulators.Tests.Support;

namespace Cac.Emulators.Tests;

public sealed class StsRequestLogTests
{
    [Fact]
    public async Task The_log_records_parameters_parsed_lists_signer_status_and_user_agent()
    {
        await using var sts = await StsEmulator.StartAsync();
        Roles.RegisterDeployRole(sts);
        using var client = StsClients.AsUser(sts);

        await client.AssumeRoleAsync(new AssumeRoleRequest
        {
            RoleArn = StsClients.RoleArn,
            RoleSessionName = "logged",
            DurationSeconds = 1800,
            Tags = [new Tag { Key = "Actor", Value = "octocat" }, new Tag { Key = "Branch", Value = "main" }],
            TransitiveTagKeys = ["Actor"],
            PolicyArns = [new PolicyDescriptorType { Arn = "arn:aws:iam::aws:policy/ReadOnlyAccess" }],
        });

        var record = Assert.Single(sts.Requests);
        Assert.Equal("AssumeRole", record.Action);
        Assert.Equal("2011-06-15", record.Parameter("Version"));
        Assert.Equal("1800", record.Parameters["DurationSeconds"]);
        Assert.Equal("octocat", record.Parameters["Tags.member.1.Value"]);
        Assert.Equal([new StsTag("Actor", "octocat"), new StsTag("Branch", "main")], record.Tags);
        Assert.Equal(["Actor"], record.TransitiveTagKeys);
        Assert.Equal(["arn:aws:iam::aws:policy/ReadOnlyAccess"], record.PolicyArns);
        Assert.Equal(StsClients.UserKeyId, record.AccessKeyId);
        Assert.False(record.HasSessionToken);
        Assert.Contains("aws-sdk-dotnet", record.UserAgent, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(200, record.StatusCode);
        Assert.Null(record.ErrorCode);
        Assert.Null(record.Fault);
        Assert.InRange(record.Time, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task Errors_are_logged_with_their_code_and_the_log_can_be_cleared()
    {
        await using var sts = await StsEmulator.StartAsync();
        using var client = StsClients.AsUser(sts);

        await Assert.ThrowsAnyAsync<AmazonSecurityTokenServiceException>(() => client.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = StsClients.RoleArn, RoleSessionName = "ci" }));
        var record = sts.Requests.Single();
        sts.ClearRequests();

        Assert.Equal(403, record.StatusCode);
        Assert.Equal("AccessDenied", record.ErrorCode);
        Assert.Empty(sts.Requests);
    }
}
