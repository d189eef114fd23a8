using System;
using System.Threading;
using System.Threading.Tasks;
using Cac.Action.Credentials.Ambient;
using Cac.Action.Errors;
using Cac.Action.FileSystem;
using Cac.Action.Tests.TestSupport;

namespace Cac.Action.Tests.Credentials.Ambient;

/// <summary>Reading the job's profile files for ambient credentials never hangs on, nor swallows, what is not a small regular file.</summary>
public sealed class ProfileCredentialProviderSafetyTests : IDisposable
{
    private readonly TempDir home = new();

    public void Dispose() => home.Dispose();

    [Theory]
    [InlineData("fifo")]
    [InlineData("/dev/zero")]
    [InlineData("large")]
    public async Task A_credentials_file_that_is_not_a_small_regular_file_is_a_clear_error(string kind)
    {
        var path = kind switch
        {
            "fifo" => SpecialFiles.NamedPipe(home.Combine("pipe")),
            "large" => home.Write("large", "[default]\n" + new string('#', SafeFiles.MaxProfileFileBytes)),
            _ => kind,
        };
        var environment = Env.Of(("HOME", home.Path), ("AWS_SHARED_CREDENTIALS_FILE", path));

        var resolve = Task.Run(() => TestProfileSources.Provider(environment, new RecordingMasker()).TryResolveAsync(CancellationToken.None));
        Assert.Same(resolve, await Task.WhenAny(resolve, Task.Delay(TimeSpan.FromSeconds(60))));

        var error = await Assert.ThrowsAsync<ActionError>(() => resolve);
        Assert.Same(ErrorCode.AmbientProfileFiles, error.Code);
        Assert.StartsWith("Unable to read the shared profile file for ambient credentials: " + path + " ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_linked_credentials_file_is_still_read_as_every_AWS_tool_does()
    {
        var target = home.Write("elsewhere/credentials", "[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = " + TestInputs.SecretAccessKey + "\n");
        System.IO.Directory.CreateDirectory(home.Combine(".aws"));
        System.IO.File.CreateSymbolicLink(home.Combine(".aws/credentials"), target);

        var credentials = (await TestProfileSources.Provider(Env.Of(("HOME", home.Path)), new RecordingMasker()).TryResolveAsync(CancellationToken.None)).Credentials;

        Assert.NotNull(credentials);
    }
}
