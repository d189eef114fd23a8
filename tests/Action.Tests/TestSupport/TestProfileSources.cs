using System;
using System.Net.Http;
using Cac.Abstractions;
using Cac.Action.Aws;
using Cac.Action.Credentials.Ambient;

namespace Cac.Action.Tests.TestSupport;

/// <summary>Profile sources for tests that need none of them: STS and the metadata endpoints point at a closed port.</summary>
internal static class TestProfileSources
{
    private static readonly HttpClient Client = new() { Timeout = TimeSpan.FromSeconds(5) };

    public static ProfileSources Create(IActionEnvironment environment, ISecretMasker masker, TimeProvider? time = null)
    {
        time ??= TimeProvider.System;
        return new ProfileSources(
            new StsClientFactory(new StsEndpoint("us-east-1", "http://127.0.0.1:9", false, false), Client),
            new EnvironmentCredentialProvider(environment, masker, ignored: false),
            new ContainerCredentialProvider(environment, masker, Client, time),
            new InstanceMetadataCredentialProvider(environment, masker, Client, time),
            new CredentialProcessRunner(masker, time),
            new SsoRoleCredentials(environment, masker, Client, time));
    }

    public static ProfileCredentialProvider Provider(IActionEnvironment environment, ISecretMasker masker) =>
        new(environment, masker, Create(environment, masker));
}
