using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using Cac.Emulators.Tests.Support;

namespace Cac.Emulators.Tests;

public sealed class StsValidationTests
{
    private const string ValidPolicy = """{"Version":"2012-10-17","Statement":[]}""";

    private static readonly Dictionary<string, Action<AssumeRoleRequest>> Cases = new()
    {
        ["duration below 900"] = r => r.DurationSeconds = Runtime(899),
        ["duration above 43200"] = r => r.DurationSeconds = Runtime(43201),
        ["duration above the role's max"] = r => r.DurationSeconds = 7200,
        ["session name too short"] = r => r.RoleSessionName = Runtime("a"),
        ["session name too long"] = r => r.RoleSessionName = new string('a', 65),
        ["session name with a space"] = r => r.RoleSessionName = Runtime("my session"),
        ["role arn too short"] = r => r.RoleArn = Runtime("arn:aws:iam::1:r/x"),
        ["51 tags"] = r => r.Tags = Enumerable.Range(1, 51).Select(i => new Tag { Key = $"k{i}", Value = "v" }).ToList(),
        ["tag key too long"] = r => r.Tags = [new Tag { Key = new string('k', 129), Value = "v" }],
        ["tag value too long"] = r => r.Tags = [new Tag { Key = "k", Value = new string('v', 257) }],
        ["tag key with a bad character"] = r => r.Tags = [new Tag { Key = Runtime("a*b"), Value = "v" }],
        ["duplicate tag keys"] = r => r.Tags = [new Tag { Key = "Team", Value = "a" }, new Tag { Key = "team", Value = "b" }],
        ["transitive key not among tags"] = r => { r.Tags = [new Tag { Key = "Team", Value = "a" }]; r.TransitiveTagKeys = ["Other"]; },
        ["policy too long"] = r => r.Policy = "{\"a\":\"" + new string('x', 2050) + "\"}",
        ["policy not json"] = r => r.Policy = "{not json",
        ["eleven policy arns"] = r => r.PolicyArns = Enumerable.Range(1, 11).Select(i => new PolicyDescriptorType { Arn = $"arn:aws:iam::aws:policy/Policy{i}" }).ToList(),
        ["external id too short"] = r => r.ExternalId = Runtime("x"),
        ["external id with a bad character"] = r => r.ExternalId = Runtime("bad id!"),
        ["source identity too short"] = r => r.SourceIdentity = Runtime("s"),
        ["packed size over budget"] = r => r.Tags = Enumerable.Range(1, 20).Select(i => new Tag { Key = $"key{i:D3}", Value = new string('v', 250) }).ToList(),
    };

    [Theory]
    [InlineData("duration below 900", "ValidationError", "1 validation error detected: Value '899' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900")]
    [InlineData("duration above 43200", "ValidationError", "1 validation error detected: Value '43201' at 'durationSeconds' failed to satisfy constraint: Member must have value less than or equal to 43200")]
    [InlineData("duration above the role's max", "ValidationError", "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.")]
    [InlineData("session name too short", "ValidationError", "Value 'a' at 'roleSessionName' failed to satisfy constraint: Member must have length greater than or equal to 2")]
    [InlineData("session name too long", "ValidationError", "at 'roleSessionName' failed to satisfy constraint: Member must have length less than or equal to 64")]
    [InlineData("session name with a space", "ValidationError", "Value 'my session' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*")]
    [InlineData("role arn too short", "ValidationError", "at 'roleArn' failed to satisfy constraint: Member must have length greater than or equal to 20")]
    [InlineData("51 tags", "ValidationError", "at 'tags' failed to satisfy constraint: Member must have length less than or equal to 50")]
    [InlineData("tag key too long", "ValidationError", "at 'tags.1.member.key' failed to satisfy constraint: Member must have length less than or equal to 128")]
    [InlineData("tag value too long", "ValidationError", "at 'tags.1.member.value' failed to satisfy constraint: Member must have length less than or equal to 256")]
    [InlineData("tag key with a bad character", "ValidationError", "Value 'a*b' at 'tags.1.member.key' failed to satisfy constraint: Member must satisfy regular expression pattern")]
    [InlineData("duplicate tag keys", "InvalidParameterValue", "Duplicate tag keys found. Please note that Tag keys are case insensitive.")]
    [InlineData("transitive key not among tags", "InvalidParameterValue", "The specified transitive tag key must be included in the requested tags.")]
    [InlineData("policy too long", "ValidationError", "at 'policy' failed to satisfy constraint: Member must have length less than or equal to 2048")]
    [InlineData("policy not json", "MalformedPolicyDocument", "Syntax errors in policy.")]
    [InlineData("eleven policy arns", "ValidationError", "at 'policyArns' failed to satisfy constraint: Member must have length less than or equal to 10")]
    [InlineData("external id too short", "ValidationError", "Value 'x' at 'externalId' failed to satisfy constraint: Member must have length greater than or equal to 2")]
    [InlineData("external id with a bad character", "ValidationError", "Value 'bad id!' at 'externalId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@:\\/-]*")]
    [InlineData("source identity too short", "ValidationError", "Value 's' at 'sourceIdentity' failed to satisfy constraint: Member must have length greater than or equal to 2")]
    [InlineData("packed size over budget", "PackedPolicyTooLarge", "Packed size of session tags consumes 125% of allotted space")]
    public async Task AssumeRole_rejects_invalid_parameters_like_STS(string caseName, string expectedCode, string expectedMessage)
    {
        await using var sts = await StsEmulator.StartAsync();
        Roles.RegisterDeployRole(sts);
        using var client = StsClients.AsUser(sts);
        var request = new AssumeRoleRequest { RoleArn = StsClients.RoleArn, RoleSessionName = "valid-name" };
        Cases[caseName](request);

        var error = await Assert.ThrowsAnyAsync<AmazonSecurityTokenServiceException>(() => client.AssumeRoleAsync(request));

        Assert.Equal(expectedCode, error.ErrorCode);
        Assert.Contains(expectedMessage, error.Message, StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal(expectedCode, sts.Requests[^1].ErrorCode);
    }

    // The SDK's analyzers reject out-of-range constants at compile time; the emulator must see them at run time.
    private static T Runtime<T>(T value) => value;

    [Fact]
    public async Task Several_constraint_violations_are_reported_together()
    {
        await using var sts = await StsEmulator.StartAsync();
        Roles.RegisterDeployRole(sts);
        using var client = StsClients.AsUser(sts);

        var error = await Assert.ThrowsAnyAsync<AmazonSecurityTokenServiceException>(() => client.AssumeRoleAsync(
            new AssumeRoleRequest { RoleArn = StsClients.RoleArn, RoleSessionName = Runtime("a"), DurationSeconds = Runtime(100) }));

        Assert.StartsWith("2 validation errors detected: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_role_arn_is_reported_as_null()
    {
        await using var sts = await StsEmulator.StartAsync();
        using var client = StsClients.AsUser(sts);

        var error = await Assert.ThrowsAnyAsync<AmazonSecurityTokenServiceException>(() => client.AssumeRoleAsync(new AssumeRoleRequest { RoleSessionName = "valid-name" }));

        Assert.Contains("Value null at 'roleArn' failed to satisfy constraint: Member must not be null", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_role_max_session_duration_allows_longer_sessions_when_raised()
    {
        await using var sts = await StsEmulator.StartAsync();
        Roles.RegisterDeployRole(sts, role => role with { MaxSessionDuration = TimeSpan.FromHours(12) });
        using var client = StsClients.AsUser(sts);

        var response = await client.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = StsClients.RoleArn, RoleSessionName = "long", DurationSeconds = 43200, Policy = ValidPolicy });

        Assert.InRange(response.Credentials.Expiration ?? DateTime.MinValue, DateTime.UtcNow.AddHours(11.9), DateTime.UtcNow.AddHours(12.1));
    }

    [Fact]
    public async Task A_lower_packed_size_budget_rejects_a_policy_alone()
    {
        await using var sts = await StsEmulator.StartAsync();
        Roles.RegisterDeployRole(sts);
        sts.Behavior.PackedSizeBudget = 20;
        using var client = StsClients.AsUser(sts);

        var error = await Assert.ThrowsAsync<PackedPolicyTooLargeException>(() => client.AssumeRoleAsync(
            new AssumeRoleRequest { RoleArn = StsClients.RoleArn, RoleSessionName = "packed", Policy = ValidPolicy }));

        Assert.Equal("Packed policy consumes 195% of allotted space, please use smaller policy.", error.Message);
    }

    [Fact]
    public async Task AssumeRoleWithWebIdentity_rejects_a_too_short_token_without_echoing_it()
    {
        await using var sts = await StsEmulator.StartAsync();
        using var client = StsClients.Anonymous(sts);

        var error = await Assert.ThrowsAnyAsync<AmazonSecurityTokenServiceException>(() => client.AssumeRoleWithWebIdentityAsync(
            new AssumeRoleWithWebIdentityRequest { RoleArn = StsClients.RoleArn, RoleSessionName = "wi", WebIdentityToken = Runtime("abc") }));

        Assert.Equal("ValidationError", error.ErrorCode);
        Assert.Contains("Value '*** Sensitive Data Redacted ***' at 'webIdentityToken' failed to satisfy constraint: Member must have length greater than or equal to 4", error.Message, StringComparison.Ordinal);
    }
}
