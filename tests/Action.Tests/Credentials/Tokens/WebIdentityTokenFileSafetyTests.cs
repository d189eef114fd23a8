using System;
using System.Threading;
using System.Threading.Tasks;
using Cac.Action.Credentials.Tokens;
using Cac.Action.Errors;
using Cac.Action.Tests.TestSupport;

namespace Cac.Action.Tests.Credentials.Tokens;

/// <summary>A token file that is not a small regular file fails at once, instead of hanging (a pipe) or eating memory (/dev/zero).</summary>
public sealed class WebIdentityTokenFileSafetyTests : IDisposable
{
    private readonly TempDir workspace = new();

    public void Dispose() => workspace.Dispose();

    [Theory]
    [InlineData("fifo", " (path is not a regular file: it is a named pipe (FIFO))")]
    [InlineData("/dev/zero", " (path is not a regular file: it is a character device)")]
    [InlineData("large", " is larger than 64 KiB, the most this action reads from such a file")]
    public async Task The_token_file_must_be_a_small_regular_file(string kind, string reason)
    {
        var path = kind switch
        {
            "fifo" => SpecialFiles.NamedPipe(workspace.Combine("token")),
            "large" => workspace.Write("token", new string('a', WebIdentityTokenFile.MaxBytes + 1)),
            _ => kind,
        };
        var masker = new RecordingMasker();

        var read = Task.Run(() => WebIdentityTokenFile.ReadAsync(path, Env.Of(("GITHUB_WORKSPACE", workspace.Path)), masker, CancellationToken.None));
        Assert.Same(read, await Task.WhenAny(read, Task.Delay(TimeSpan.FromSeconds(60))));

        var error = await Assert.ThrowsAsync<ActionError>(() => read);
        Assert.Same(ErrorCode.TokenFile, error.Code);
        Assert.Equal(path + reason, error.Message);
        Assert.Empty(masker.Masks);
    }
}
