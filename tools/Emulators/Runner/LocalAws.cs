using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;

namespace Cac.Emulators.Runner;

/// <summary>
/// A complete stand-in for what the action talks to: the STS emulator trusting the OIDC stand-in, a
/// demo role whose trust policy accepts the stand-in's default token, and the runner variables that make
/// the action take the OIDC path. Used by the local run, the benchmark and the end-to-end tests.
/// </summary>
public sealed class LocalAws : IAsyncDisposable
{
    public const string DemoRoleArn = "arn:aws:iam::111111111111:role/local-demo";

    private LocalAws(StsEmulator sts, OidcStandIn oidc)
    {
        Sts = sts;
        Oidc = oidc;
    }

    public StsEmulator Sts { get; }
    public OidcStandIn Oidc { get; }

    public static async Task<LocalAws> StartAsync()
    {
        var oidc = await OidcStandIn.StartAsync().ConfigureAwait(false);
        var sts = await StsEmulator.StartAsync(new StsEmulatorOptions { TrustedOidcIssuers = [oidc] }).ConfigureAwait(false);
        sts.Behavior.RegisterRole(new StsRole(DemoRoleArn)
        {
            MaxSessionDuration = TimeSpan.FromHours(12),
            AllowedCallers = ["*"],
            WebIdentity = new WebIdentityTrust { SubjectPatterns = ["repo:octo-org/octo-repo:*"] },
        });
        return new LocalAws(sts, oidc);
    }

    /// <summary>The runner's variables plus the STS endpoint, for a run with no ID token available.</summary>
    public Dictionary<string, string> Environment(ActionProcess process)
    {
        var environment = process.RunnerEnvironment();
        environment["AWS_ENDPOINT_URL_STS"] = Sts.Endpoint.AbsoluteUri;
        return environment;
    }

    /// <summary>As <see cref="Environment"/>, plus the ID-token variables a job with <c>id-token: write</c> gets.</summary>
    public Dictionary<string, string> OidcEnvironment(ActionProcess process)
    {
        var environment = Environment(process);
        environment["ACTIONS_ID_TOKEN_REQUEST_URL"] = Oidc.RequestUrl;
        environment["ACTIONS_ID_TOKEN_REQUEST_TOKEN"] = Oidc.RequestToken;
        return environment;
    }

    /// <summary>Sets an input the way the runner does (<c>INPUT_</c> + upper-cased name, hyphens kept).</summary>
    public static void SetInput(IDictionary<string, string> environment, string name, string value) =>
        environment["INPUT_" + name.Replace(' ', '_').ToUpperInvariant()] = value;

    /// <summary>Finds the published executable from the repository root (scripts/publish puts it there).</summary>
    public static string FindPublishedExecutable()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "artifacts", "publish", OperatingSystem.IsWindows() ? "configure-aws-credentials.exe" : "configure-aws-credentials");
            if (File.Exists(candidate))
            {
                return candidate;
            }

            if (File.Exists(Path.Combine(directory.FullName, "action.yml")))
            {
                break;
            }
        }

        throw new FileNotFoundException("The published action was not found at artifacts/publish/configure-aws-credentials: run ./scripts/publish first (./scripts/test does).");
    }

    public async ValueTask DisposeAsync()
    {
        await Sts.DisposeAsync().ConfigureAwait(false);
        await Oidc.DisposeAsync().ConfigureAwait(false);
    }
}
