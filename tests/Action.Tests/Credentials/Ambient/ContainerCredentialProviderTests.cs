using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Cac.Action.Credentials.Ambient;
using Cac.Action.Errors;
using Cac.Action.Tests.TestSupport;

namespace Cac.Action.Tests.Credentials.Ambient;

/// <summary>The SDKs' safeguards for container credentials: where the token may be sent, and how its file is read.</summary>
public sealed class ContainerCredentialProviderTests : IDisposable
{
    private const string Answer = "{\"AccessKeyId\":\"ASIAIOSFODNN7EXAMPLE\",\"SecretAccessKey\":\"" + TestInputs.SecretAccessKey + "\",\"Token\":\"FwoGZXIvYXdzEBYaDEXAMPLE\"}";

    private readonly TempDir temp = new();
    private readonly HttpClient client = new();
    private readonly RecordingMasker masker = new();

    public void Dispose()
    {
        client.Dispose();
        temp.Dispose();
    }

    private async Task<AmbientCredentials?> Resolve(params (string Name, string? Value)[] variables) =>
        (await new ContainerCredentialProvider(Env.Of(variables), masker, client, TimeProvider.System).TryResolveAsync(CancellationToken.None)).Credentials;

    [Theory]
    [InlineData("https://creds.example.com/v1", true)]
    [InlineData("http://127.0.0.1:51679/creds", true)]
    [InlineData("http://127.5.6.7/creds", true)]
    [InlineData("http://[::1]:8080/creds", true)]
    [InlineData("http://localhost:8080/creds", true)]
    [InlineData("http://169.254.170.2/v2/credentials/id", true)]
    [InlineData("http://169.254.170.23/v1/credentials", true)]
    [InlineData("http://[fd00:ec2::23]/v1/credentials", true)]
    [InlineData("http://[::ffff:127.0.0.1]/creds", true)]
    [InlineData("http://creds.example.com/v1", false)]
    [InlineData("http://169.254.169.254/latest", false)]
    [InlineData("http://10.0.0.1/creds", false)]
    [InlineData("http://[fd00:ec2::24]/creds", false)]
    [InlineData("http://169.254.170.2@evil.example/creds", false)]
    [InlineData("ftp://127.0.0.1/creds", false)]
    [InlineData("file:///etc/passwd", false)]
    public void Credentials_are_fetched_only_over_https_or_from_loopback_and_the_container_agents(string url, bool allowed) =>
        Assert.Equal(allowed, ContainerCredentialProvider.IsAllowed(new Uri(url)));

    [Fact]
    public async Task A_full_uri_to_another_host_over_http_is_refused_before_any_request_or_token_read()
    {
        var token = temp.Write("token", "secret-token");
        await using var server = new LocalHttpServer(new ServerReply(200, Answer));
        var hostile = server.BaseUrl.Replace("127.0.0.1", "localhost.example", StringComparison.Ordinal) + "/creds";

        var error = await Assert.ThrowsAsync<ActionError>(() => Resolve(
            ("AWS_CONTAINER_CREDENTIALS_FULL_URI", hostile), ("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE", token)));

        Assert.Same(ErrorCode.ContainerCredentials, error.Code);
        Assert.StartsWith("AWS_CONTAINER_CREDENTIALS_FULL_URI names host 'localhost.example' over http, which is not accepted", error.Message, StringComparison.Ordinal);
        Assert.Empty(masker.Masks);
    }

    [Fact]
    public async Task A_relative_uri_cannot_name_another_host()
    {
        var error = await Assert.ThrowsAsync<ActionError>(() => Resolve(("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "@evil.example/creds")));

        Assert.StartsWith("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI names host 'evil.example'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_loopback_endpoint_gets_the_token_from_its_file_through_a_link_and_masks_it()
    {
        await using var server = new LocalHttpServer(new ServerReply(200, Answer));
        var link = temp.Combine("eks-pod-identity-token");
        File.CreateSymbolicLink(link, temp.Write("..data/token", "pod-identity-token\n"));

        var credentials = await Resolve(("AWS_CONTAINER_CREDENTIALS_FULL_URI", server.BaseUrl + "/creds"), ("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE", link));

        Assert.NotNull(credentials);
        Assert.Equal("ASIAIOSFODNN7EXAMPLE", credentials.AccessKeyId.Reveal());
        Assert.Equal("pod-identity-token", Assert.Single(server.Requests).Headers["authorization"]);
        Assert.Contains("pod-identity-token", masker.Masks);
    }

    [Theory]
    [InlineData("fifo")]
    [InlineData("/dev/zero")]
    [InlineData("large")]
    [InlineData("directory")]
    public async Task A_token_file_that_is_not_a_small_regular_file_is_refused_without_hanging(string kind)
    {
        await using var server = new LocalHttpServer(new ServerReply(200, Answer));
        var path = kind switch
        {
            "fifo" => SpecialFiles.NamedPipe(temp.Combine("pipe")),
            "large" => temp.Write("large", new string('t', ContainerCredentialProvider.MaxTokenFileBytes + 1)),
            "directory" => temp.Path,
            _ => kind,
        };

        var resolve = Task.Run(() => Resolve(("AWS_CONTAINER_CREDENTIALS_FULL_URI", server.BaseUrl + "/creds"), ("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE", path)));
        Assert.Same(resolve, await Task.WhenAny(resolve, Task.Delay(TimeSpan.FromSeconds(60))));

        var error = await Assert.ThrowsAsync<ActionError>(() => resolve);
        Assert.Same(ErrorCode.ContainerCredentials, error.Code);
        Assert.StartsWith("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE: " + path + " ", error.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task A_token_with_a_line_break_inside_is_refused_without_showing_it()
    {
        await using var server = new LocalHttpServer(new ServerReply(200, Answer));

        var error = await Assert.ThrowsAsync<ActionError>(() => Resolve(
            ("AWS_CONTAINER_CREDENTIALS_FULL_URI", server.BaseUrl + "/creds"), ("AWS_CONTAINER_AUTHORIZATION_TOKEN", "abc\r\nX-Injected: 1")));

        Assert.Equal("The container authorization token from AWS_CONTAINER_AUTHORIZATION_TOKEN contains a line break", error.Message);
        Assert.Empty(server.Requests);
    }
    [Fact]
    public async Task As_in_the_javascript_sdk_the_full_uri_wins_over_the_relative_one_and_the_token_over_its_file()
    {
        await using var server = new LocalHttpServer(new ServerReply(200, Answer));
        var tokenFile = temp.Write("token", "from-the-file");

        var credentials = await Resolve(
            ("AWS_CONTAINER_CREDENTIALS_FULL_URI", server.BaseUrl + "/full"), ("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "/relative"),
            ("AWS_CONTAINER_AUTHORIZATION_TOKEN", "from-the-variable"), ("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE", tokenFile));

        Assert.NotNull(credentials);
        var request = Assert.Single(server.Requests);
        Assert.Equal("/full", request.Target);
        Assert.Equal("from-the-variable", request.Headers["authorization"]);
    }

    [Theory]
    [InlineData(403, "{\"Code\":\"AccessDenied\",\"Message\":\"Unable to assume the role\"}", "answered HTTP 403 (AccessDenied: Unable to assume the role)")]
    [InlineData(500, "not json", "answered HTTP 500")]
    [InlineData(200, "{\"Code\":\"Failure\"}", "the answer holds no AccessKeyId and SecretAccessKey (Failure)")]
    [InlineData(200, "[1]", "the answer is not a JSON object")]
    [InlineData(200, "{\"AccessKeyId\":\"ASIAIOSFODNN7EXAMPLE\",\"SecretAccessKey\":\"s\",\"Token\":\"t\",\"Expiration\":\"2001-01-01T00:00:00Z\"}", "the credentials expired at 2001-01-01T00:00:00Z")]
    public async Task A_refusal_or_an_unusable_answer_is_a_decline_that_says_why(int status, string body, string reason)
    {
        await using var server = new LocalHttpServer(new ServerReply(status, body));
        var provider = new ContainerCredentialProvider(Env.Of(("AWS_CONTAINER_CREDENTIALS_FULL_URI", server.BaseUrl + "/creds")), masker, client, TimeProvider.System);

        var result = await provider.TryResolveAsync(CancellationToken.None);

        Assert.Null(result.Credentials);
        Assert.EndsWith(reason, result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_the_variables_it_declines_naming_them()
    {
        var result = await new ContainerCredentialProvider(Env.Of(), masker, client, TimeProvider.System).TryResolveAsync(CancellationToken.None);

        Assert.Equal("AWS_CONTAINER_CREDENTIALS_FULL_URI and AWS_CONTAINER_CREDENTIALS_RELATIVE_URI are not set", result.Reason);
    }
}
