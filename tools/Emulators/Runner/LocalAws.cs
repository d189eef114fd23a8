using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;

namespace Cac.Emulators.Runner;

/// <summary>
/// A complete stand-in for what the action talks to: the STS emulator trusting the OIDC stand-in, a
/// demo role whose trust policy accepts the stand-in's default token, and the runner variables that make
/// the action take the OIDC path. Used by the local run, the benchmark and the end-to-end tests. For a
/// self-hosted runner's surroundings, start the instance metadata, container-credentials and SSO
/// stand-ins (their credentials are valid callers of <see cref="Sts"/>) and run with
/// <see cref="SelfHostedEnvironment"/>.
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

    /// <summary>The instance metadata stand-in, once <see cref="StartInstanceMetadataAsync"/> ran.</summary>
    public InstanceMetadataStandIn? InstanceMetadata { get; private set; }

    /// <summary>The container-credentials stand-in, once <see cref="StartContainerCredentialsAsync"/> ran.</summary>
    public ContainerCredentialsStandIn? ContainerCredentials { get; private set; }

    /// <summary>The IAM Identity Center stand-in, once <see cref="StartSsoAsync"/> ran.</summary>
    public SsoStandIn? Sso { get; private set; }

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

    /// <summary>
    /// Starts the instance metadata stand-in; unless <paramref name="options"/> name an issuer, its instance
    /// role's credentials are valid callers of <see cref="Sts"/> (they may assume <see cref="DemoRoleArn"/>).
    /// </summary>
    public async Task<InstanceMetadataStandIn> StartInstanceMetadataAsync(InstanceMetadataOptions? options = null)
    {
        options ??= new InstanceMetadataOptions();
        InstanceMetadata = await InstanceMetadataStandIn.StartAsync(
            options with { Credentials = options.Credentials ?? Sts.Behavior.IssuerFor(options.RoleArn, options.InstanceId) }).ConfigureAwait(false);
        return InstanceMetadata;
    }

    /// <summary>Starts the container-credentials stand-in, its task role's credentials valid callers of <see cref="Sts"/> unless the options say otherwise.</summary>
    public async Task<ContainerCredentialsStandIn> StartContainerCredentialsAsync(ContainerCredentialsOptions? options = null)
    {
        options ??= new ContainerCredentialsOptions();
        ContainerCredentials = await ContainerCredentialsStandIn.StartAsync(
            options with { Credentials = options.Credentials ?? Sts.Behavior.IssuerFor(options.RoleArn, options.SessionName) }).ConfigureAwait(false);
        return ContainerCredentials;
    }

    /// <summary>Starts the SSO stand-in; <see cref="AssignSsoRole"/> gives the user a role whose credentials <see cref="Sts"/> accepts.</summary>
    public async Task<SsoStandIn> StartSsoAsync(SsoStandInOptions? options = null)
    {
        Sso = await SsoStandIn.StartAsync(options).ConfigureAwait(false);
        return Sso;
    }

    /// <summary>Assigns the SSO user <paramref name="permissionSet"/> in <paramref name="accountId"/>, issuing through <see cref="Sts"/>.</summary>
    public void AssignSsoRole(string accountId, string permissionSet, string userName = "octocat")
    {
        var sso = Sso ?? throw new InvalidOperationException("Start the SSO stand-in first (StartSsoAsync).");
        sso.Behavior.AssignRole(accountId, permissionSet, Sts.Behavior.IssuerFor(SsoBehavior.RoleArn(accountId, permissionSet), userName));
    }

    /// <summary>The AWS CLI's files under the run's home directory.</summary>
    public static AwsConfigHome ConfigHome(ActionProcess process)
    {
        ArgumentNullException.ThrowIfNull(process);
        return new AwsConfigHome(process.Home);
    }

    /// <summary>
    /// As <see cref="Environment"/> for a self-hosted runner (RUNNER_ENVIRONMENT=self-hosted), with the
    /// variables of every stand-in started: AWS_EC2_METADATA_SERVICE_ENDPOINT (else AWS_EC2_METADATA_DISABLED=true,
    /// so a run never waits on the real 169.254.169.254), AWS_CONTAINER_CREDENTIALS_FULL_URI and
    /// AWS_CONTAINER_AUTHORIZATION_TOKEN, AWS_ENDPOINT_URL_SSO and AWS_ENDPOINT_URL_SSO_OIDC, and
    /// AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE under the run's home.
    /// </summary>
    public Dictionary<string, string> SelfHostedEnvironment(ActionProcess process)
    {
        var environment = Environment(process);
        environment["RUNNER_ENVIRONMENT"] = "self-hosted";
        environment["AWS_EC2_METADATA_DISABLED"] = "true";
        var standIns = new[] { InstanceMetadata?.Environment(), ContainerCredentials?.Environment(), Sso?.Environment(), ConfigHome(process).Environment() };
        foreach (var variables in standIns)
        {
            foreach (var (name, value) in variables ?? new Dictionary<string, string>())
            {
                environment[name] = value;
            }
        }

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
        if (InstanceMetadata is not null)
        {
            await InstanceMetadata.DisposeAsync().ConfigureAwait(false);
        }

        if (ContainerCredentials is not null)
        {
            await ContainerCredentials.DisposeAsync().ConfigureAwait(false);
        }

        if (Sso is not null)
        {
            await Sso.DisposeAsync().ConfigureAwait(false);
        }

        await Sts.DisposeAsync().ConfigureAwait(false);
        await Oidc.DisposeAsync().ConfigureAwait(false);
    }
}
