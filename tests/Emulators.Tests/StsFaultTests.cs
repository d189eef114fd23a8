using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using Cac.Emulators.Tests.Support;

namespace Cac.Emulators.Tests;

public sealed class StsFaultTests
{
    private static AssumeRoleRequest Assume() => new() { RoleArn = StsClients.RoleArn, RoleSessionName = "ci" };

    [Fact]
    public async Task Throttling_fails_the_next_N_calls_of_the_chosen_action_only()
    {
        await using var sts = await StsEmulator.StartAsync();
        Roles.RegisterDeployRole(sts);
        sts.Behavior.InjectFault(StsFault.Throttling, count: 2, action: StsAction.AssumeRole);
        using var client = StsClients.AsUser(sts);

        await client.GetCallerIdentityAsync(new GetCallerIdentityRequest());
        var first = await Assert.ThrowsAnyAsync<AmazonSecurityTokenServiceException>(() => client.AssumeRoleAsync(Assume()));
        await Assert.ThrowsAnyAsync<AmazonSecurityTokenServiceException>(() => client.AssumeRoleAsync(Assume()));
        var third = await client.AssumeRoleAsync(Assume());

        Assert.Equal("Throttling", first.ErrorCode);
        Assert.Equal("Rate exceeded", first.Message);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, first.StatusCode);
        Assert.NotNull(third.Credentials);
        Assert.Equal([200, 400, 400, 200], sts.Requests.Select(r => r.StatusCode));
        Assert.Equal(StsFault.Throttling, sts.Requests[1].Fault);
    }

    [Theory]
    [InlineData(StsFaultKind.InternalFailure, 500, "InternalFailure")]
    [InlineData(StsFaultKind.ServiceUnavailable, 503, "ServiceUnavailable")]
    public async Task Server_faults_answer_with_their_status_and_code(StsFaultKind kind, int status, string code)
    {
        await using var sts = await StsEmulator.StartAsync();
        sts.Behavior.InjectFault(new StsFault(kind));
        using var client = StsClients.AsUser(sts);

        var error = await Assert.ThrowsAnyAsync<AmazonSecurityTokenServiceException>(() => client.GetCallerIdentityAsync(new GetCallerIdentityRequest()));

        Assert.Equal(code, error.ErrorCode);
        Assert.Equal(status, (int)error.StatusCode);
        Assert.Equal(Amazon.Runtime.ErrorType.Receiver, error.ErrorType);
    }

    [Fact]
    public async Task A_fault_applies_before_validation()
    {
        await using var sts = await StsEmulator.StartAsync();
        sts.Behavior.InjectFault(StsFault.ServiceUnavailable);
        using var client = StsClients.Anonymous(sts);

        var error = await Assert.ThrowsAnyAsync<AmazonSecurityTokenServiceException>(() => client.AssumeRoleWithWebIdentityAsync(new AssumeRoleWithWebIdentityRequest()));

        Assert.Equal("ServiceUnavailable", error.ErrorCode);
    }

    [Fact]
    public async Task IdpCommunicationError_maps_to_the_sdk_exception()
    {
        await using var linked = await Linked.StartAsync();
        Roles.RegisterDeployRole(linked.Sts);
        linked.Sts.Behavior.InjectFault(StsFault.IdpCommunicationError, action: StsAction.AssumeRoleWithWebIdentity);
        using var client = StsClients.Anonymous(linked.Sts);
        var request = new AssumeRoleWithWebIdentityRequest { RoleArn = StsClients.RoleArn, RoleSessionName = "wi", WebIdentityToken = linked.Oidc.IssueToken("sts.amazonaws.com") };

        await Assert.ThrowsAsync<IDPCommunicationErrorException>(() => client.AssumeRoleWithWebIdentityAsync(request));
        var retried = await client.AssumeRoleWithWebIdentityAsync(request);

        Assert.NotNull(retried.Credentials);
    }

    [Fact]
    public async Task A_dropped_connection_gives_a_raw_client_a_transport_error_and_is_logged_with_status_0()
    {
        await using var sts = await StsEmulator.StartAsync();
        sts.Behavior.InjectFault(StsFault.DropConnection);
        using var http = new System.Net.Http.HttpClient { Timeout = TimeSpan.FromSeconds(20) };
        using var form = new System.Net.Http.FormUrlEncodedContent([new("Action", "GetCallerIdentity"), new("Version", "2011-06-15")]);

        await Assert.ThrowsAsync<System.Net.Http.HttpRequestException>(() => http.PostAsync(sts.Endpoint, form));

        Assert.Equal(0, sts.Requests.Single().StatusCode);
        Assert.Equal(StsFault.DropConnection, sts.Requests.Single().Fault);
    }

    [Fact]
    public async Task Dropped_connections_are_seen_by_the_sdk_as_transport_errors_not_as_answers()
    {
        await using var sts = await StsEmulator.StartAsync();
        // Every connection drops: AWSSDK.Core re-sends a request whose connection dropped on its own, even
        // with MaxErrorRetry = 0 (observed: five quick drops, then a success), and each re-send must drop too.
        sts.Behavior.InjectFault(StsFault.DropConnection, count: 1000);
        using var client = StsClients.AsUser(sts);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => client.GetCallerIdentityAsync(new GetCallerIdentityRequest()));

        var chain = new List<Exception>();
        for (Exception? current = error; current is not null; current = current.InnerException)
        {
            chain.Add(current);
        }

        Assert.Contains(chain, exception => exception is System.Net.Http.HttpRequestException or System.IO.IOException);
        Assert.DoesNotContain(chain, exception => exception is AmazonSecurityTokenServiceException { StatusCode: > 0 });
        Assert.NotEmpty(sts.Requests);
        Assert.All(sts.Requests, record =>
        {
            Assert.Equal(0, record.StatusCode);
            Assert.Equal(StsFault.DropConnection, record.Fault);
        });
    }

    [Fact]
    public async Task A_delay_slows_the_answer_and_then_serves_it()
    {
        await using var sts = await StsEmulator.StartAsync();
        sts.Behavior.InjectFault(StsFault.Delayed(TimeSpan.FromMilliseconds(400)));
        using var client = StsClients.AsUser(sts);

        var watch = Stopwatch.StartNew();
        var identity = await client.GetCallerIdentityAsync(new GetCallerIdentityRequest());

        Assert.InRange(watch.Elapsed, TimeSpan.FromMilliseconds(380), TimeSpan.MaxValue); // a lower bound: load only makes it later
        Assert.Equal(StsClients.UserArn, identity.Arn);
    }

    [Fact]
    public async Task Credentials_can_be_left_out_of_the_next_answer()
    {
        await using var sts = await StsEmulator.StartAsync();
        Roles.RegisterDeployRole(sts);
        sts.Behavior.OmitCredentialsInNext(1, StsAction.AssumeRole);
        using var client = StsClients.AsUser(sts);

        var empty = await client.AssumeRoleAsync(Assume());
        var full = await client.AssumeRoleAsync(Assume());

        Assert.Null(empty.Credentials);
        Assert.NotNull(empty.AssumedRoleUser);
        Assert.NotNull(full.Credentials);
    }

    [Fact]
    public async Task Secrets_with_special_characters_are_issued_and_still_sign_correctly()
    {
        await using var sts = await StsEmulator.StartAsync();
        Roles.RegisterDeployRole(sts);
        sts.Behavior.IssueSecretsWithSpecialCharactersForNext(1);
        using var client = StsClients.AsUser(sts);

        var special = await client.AssumeRoleAsync(Assume());
        var plain = await client.AssumeRoleAsync(Assume());
        using var session = StsClients.Signed(sts, special.Credentials.AccessKeyId, special.Credentials.SecretAccessKey, special.Credentials.SessionToken);
        var identity = await session.GetCallerIdentityAsync(new GetCallerIdentityRequest());

        Assert.Equal(40, special.Credentials.SecretAccessKey.Length);
        Assert.Contains('+', special.Credentials.SecretAccessKey);
        Assert.Contains('/', special.Credentials.SecretAccessKey);
        Assert.Contains('#', special.Credentials.SecretAccessKey);
        Assert.DoesNotContain('#', plain.Credentials.SecretAccessKey);
        Assert.Equal(special.AssumedRoleUser.Arn, identity.Arn);
    }
}
