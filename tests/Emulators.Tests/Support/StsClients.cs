using System;
using Amazon.Runtime;
using Amazon.SecurityToken;
using Cac.Emulators;

namespace Cac.Emulators.Tests.Support;

/// <summary>Real SDK clients pointed at an emulator, with the SDK's own retries off so tests can count calls.</summary>
internal static class StsClients
{
    // No '0' in AWS's key alphabet, so these can never look like real key IDs.
    public const string UserKeyId = "AKIA0EMULATOR0USER0EXAMPLE";
    public const string UserSecret = "emulator/user/secret/for/tests/EXAMPLEKEY";
    public const string UserArn = "arn:aws:iam::111111111111:user/ci-user";
    public const string RoleArn = "arn:aws:iam::111111111111:role/deploy";

    public static AmazonSecurityTokenServiceConfig Config(StsEmulator emulator) => new()
    {
        ServiceURL = emulator.Endpoint.ToString(),
        AuthenticationRegion = "us-east-1",
        MaxErrorRetry = 0,
        Timeout = TimeSpan.FromSeconds(20),
    };

    public static AmazonSecurityTokenServiceClient Signed(StsEmulator emulator, string accessKeyId, string secret, string? sessionToken = null) =>
        new(sessionToken is null ? new BasicAWSCredentials(accessKeyId, secret) : new SessionAWSCredentials(accessKeyId, secret, sessionToken), Config(emulator));

    /// <summary>A client signing with the registered test user's key (registering it first).</summary>
    public static AmazonSecurityTokenServiceClient AsUser(StsEmulator emulator)
    {
        emulator.Behavior.RegisterAccessKey(UserKeyId, UserSecret, UserArn);
        return Signed(emulator, UserKeyId, UserSecret);
    }

    public static AmazonSecurityTokenServiceClient Anonymous(StsEmulator emulator) => new(new AnonymousAWSCredentials(), Config(emulator));
}
