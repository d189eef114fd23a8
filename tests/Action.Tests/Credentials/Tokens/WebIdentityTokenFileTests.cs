using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Cac.Action.Credentials.Tokens;
using Cac.Action.Errors;
using Cac.Action.Tests.TestSupport;

namespace Cac.Action.Tests.Credentials.Tokens;

public sealed class WebIdentityTokenFileTests : IDisposable
{
    private readonly TempDir workspace = new();
    private readonly RecordingMasker masker = new();

    public void Dispose() => workspace.Dispose();

    private Task<Abstractions.Secret> Read(string path) =>
        WebIdentityTokenFile.ReadAsync(path, Env.Of(("GITHUB_WORKSPACE", workspace.Path)), masker, CancellationToken.None);

    private async Task<ActionError> Refused(string path)
    {
        var error = await Assert.ThrowsAsync<ActionError>(() => Read(path));
        Assert.Same(ErrorCode.TokenFile, error.Code);
        Assert.Empty(masker.Masks);
        return error;
    }

    [Theory]
    [InlineData("token.txt", "token.txt")]
    [InlineData("tokens/ci/token", "tokens/ci/token")]
    [InlineData("./a/../token.txt", "token.txt")]
    public void A_relative_path_is_taken_from_the_workspace(string path, string expected)
    {
        var resolved = WebIdentityTokenFile.Resolve(path, Env.Of(("GITHUB_WORKSPACE", "/home/github")));

        Assert.Equal("/home/github/" + expected, resolved);
    }

    [Fact]
    public void An_absolute_path_is_kept()
    {
        Assert.Equal("/var/run/token", WebIdentityTokenFile.Resolve("/var/run/token", Env.Of(("GITHUB_WORKSPACE", "/home/github"))));
    }

    [Fact]
    public async Task The_token_is_read_trimmed_and_masked()
    {
        workspace.Write("token.txt", "  header.payload.signature\n");

        var token = await Read("token.txt");

        Assert.Equal("header.payload.signature", token.Reveal());
        Assert.Equal(new[] { "header.payload.signature" }, masker.Masks);
    }

    [Fact]
    public async Task A_missing_file_is_reported_with_its_resolved_path()
    {
        var error = await Refused("missing.txt");

        Assert.Equal("Web identity token file does not exist: " + workspace.Combine("missing.txt"), error.Message);
    }

    [Fact]
    public async Task An_empty_file_is_reported()
    {
        var path = workspace.Write("empty.txt", " \n");

        var error = await Refused(path);

        Assert.Equal("Web identity token file is empty: " + path, error.Message);
    }

    [Fact]
    public async Task A_directory_is_not_a_regular_file()
    {
        var path = workspace.Combine("dir");
        Directory.CreateDirectory(path);

        var error = await Refused(path);

        Assert.Equal(path + " (path is not a regular file: it is a directory)", error.Message);
    }

    [Fact]
    public async Task A_symbolic_link_is_refused()
    {
        var target = workspace.Write("real.txt", "secret-content");
        var link = workspace.Combine("token.txt");
        File.CreateSymbolicLink(link, target);

        var error = await Refused("token.txt");

        Assert.Equal("Refusing " + link + " (path is a symbolic link)", error.Message);
    }

    [Fact]
    public async Task A_dangling_symbolic_link_is_refused()
    {
        var link = workspace.Combine("token.txt");
        File.CreateSymbolicLink(link, workspace.Combine("nowhere"));

        var error = await Refused(link);

        Assert.Equal("Refusing " + link + " (path is a symbolic link)", error.Message);
    }

    [Fact]
    public async Task A_file_in_a_symbolically_linked_directory_is_refused()
    {
        workspace.Write("real/token.txt", "secret-content");
        Directory.CreateSymbolicLink(workspace.Combine("linked"), workspace.Combine("real"));
        var path = workspace.Combine("linked/token.txt");

        var error = await Refused(path);

        Assert.Equal("Refusing " + path + " (parent directory is a symbolic link)", error.Message);
    }

    [Theory]
    [InlineData("/var/run/secrets/eks.amazonaws.com/serviceaccount/token", true)]
    [InlineData("/var/run/secrets/kubernetes.io/serviceaccount/token", true)]
    [InlineData("/var/run/secrets/serviceaccount/token", false)]
    [InlineData("/var/run/secrets/a/b/serviceaccount/token", false)]
    [InlineData("/var/run/secrets/eks.amazonaws.com/serviceaccount/token2", false)]
    [InlineData("/etc/var/run/secrets/foo/serviceaccount/token", false)]
    [InlineData("/var/run/secrets/foo/serviceaccount/../../../../etc/passwd", false)]
    [InlineData("/var/run/secrets/../serviceaccount/token", false)]
    [InlineData("var/run/secrets/foo/serviceaccount/token", false)]
    [InlineData("/var/run/secrets/./serviceaccount/token", false)]
    [InlineData("/var/run/secrets/eks.amazonaws.com/serviceaccount/../serviceaccount/token", false)]
    public void Only_the_kubelet_projected_token_is_allow_listed(string path, bool expected)
    {
        Assert.Equal(expected, WebIdentityTokenFile.IsAllowListed(path));
    }
}
