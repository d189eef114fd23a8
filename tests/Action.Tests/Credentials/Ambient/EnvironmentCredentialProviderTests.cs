using System.Threading;
using System.Threading.Tasks;
using Cac.Action.Credentials.Ambient;
using Cac.Action.Tests.TestSupport;
using Cac.TestSupport;

namespace Cac.Action.Tests.Credentials.Ambient;

public class EnvironmentCredentialProviderTests
{
    private const string KeyId = "AKIAIOSFODNN7EXAMPLE";
    private const string SecretKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    private static async Task<AmbientCredentials?> Resolve(DictionaryEnvironment environment, bool ignored = false, RecordingMasker? masker = null) =>
        (await new EnvironmentCredentialProvider(environment, masker ?? new RecordingMasker(), ignored).TryResolveAsync(CancellationToken.None)).Credentials;

    [Fact]
    public async Task Keys_and_token_are_read_from_the_environment_and_masked()
    {
        var masker = new RecordingMasker();

        var credentials = await Resolve(
            Env.Of(("AWS_ACCESS_KEY_ID", KeyId), ("AWS_SECRET_ACCESS_KEY", SecretKey), ("AWS_SESSION_TOKEN", "FwoGZXIvYXdzEBYaDEXAMPLE")), masker: masker);

        Assert.NotNull(credentials);
        Assert.Equal(KeyId, credentials.AccessKeyId.Reveal());
        Assert.Equal(SecretKey, credentials.SecretAccessKey.Reveal());
        Assert.Equal("FwoGZXIvYXdzEBYaDEXAMPLE", credentials.SessionToken.Reveal());
        Assert.Equal("environment variables", credentials.Provider);
        Assert.Equal(new[] { KeyId, SecretKey, "FwoGZXIvYXdzEBYaDEXAMPLE" }, masker.Masks);
    }

    [Fact]
    public async Task The_session_token_is_optional()
    {
        var credentials = await Resolve(Env.Of(("AWS_ACCESS_KEY_ID", KeyId), ("AWS_SECRET_ACCESS_KEY", SecretKey)));

        Assert.NotNull(credentials);
        Assert.True(credentials.SessionToken.IsEmpty);
    }

    [Theory]
    [InlineData(null, SecretKey, null)]
    [InlineData("", SecretKey, null)]
    [InlineData(KeyId, null, null)]
    [InlineData(KeyId, "", null)]
    [InlineData(KeyId, SecretKey, "dev")]
    public async Task Incomplete_keys_or_AWS_PROFILE_give_nothing(string? keyId, string? secret, string? profile)
    {
        var environment = Env.Of(("AWS_ACCESS_KEY_ID", keyId), ("AWS_SECRET_ACCESS_KEY", secret), ("AWS_PROFILE", profile));

        Assert.Null(await Resolve(environment));
    }

    [Fact]
    public async Task Keys_cleared_by_unset_current_credentials_are_ignored()
    {
        var masker = new RecordingMasker();

        var credentials = await Resolve(Env.Of(("AWS_ACCESS_KEY_ID", KeyId), ("AWS_SECRET_ACCESS_KEY", SecretKey)), ignored: true, masker);

        Assert.Null(credentials);
        Assert.Empty(masker.Masks);
    }
}
