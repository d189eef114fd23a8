using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Cac.Emulators;
using Cac.Emulators.Runner;

namespace Cac.EndToEnd.Tests;

/// <summary>
/// One end-to-end run: fresh emulators, a fresh runner environment, inputs, then the published action.
/// Each test owns its scenario, so tests can run in parallel and inject faults freely.
/// </summary>
internal sealed class Scenario : IAsyncDisposable
{
    /// <summary>A long-lived key the emulator knows; it ends in EXAMPLE so no scanner mistakes it for a real one.</summary>
    public const string UserAccessKeyId = "AKIAIOSFODNN7EXAMPLE";
    public const string UserSecretAccessKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    public const string UserArn = "arn:aws:iam::111111111111:user/ci-user";

    private Scenario(LocalAws aws, ActionProcess process, Dictionary<string, string> environment)
    {
        Aws = aws;
        Process = process;
        Environment = environment;
    }

    public LocalAws Aws { get; }
    public ActionProcess Process { get; }
    public Dictionary<string, string> Environment { get; }
    public StsEmulator Sts => Aws.Sts;
    public OidcStandIn Oidc => Aws.Oidc;

    public static async Task<Scenario> StartAsync(bool withIdToken = true)
    {
        var aws = await LocalAws.StartAsync();
        aws.Sts.Behavior.RegisterAccessKey(UserAccessKeyId, UserSecretAccessKey, UserArn);
        var process = new ActionProcess(LocalAws.FindPublishedExecutable());
        var environment = withIdToken ? aws.OidcEnvironment(process) : aws.Environment(process);
        return new Scenario(aws, process, environment);
    }

    /// <summary>The OIDC path with the demo role and STS's audience, where most fault tests start.</summary>
    public static async Task<Scenario> StartOidcAsync()
    {
        var scenario = await StartAsync();
        scenario.WithDemoRole().Input("audience", "sts.amazonaws.com");
        return scenario;
    }

    public Scenario Input(string name, string value)
    {
        LocalAws.SetInput(Environment, name, value);
        return this;
    }

    /// <summary>The demo role in us-east-1: with the ID-token variables this is the OIDC path.</summary>
    public Scenario WithDemoRole() => Input("role-to-assume", LocalAws.DemoRoleArn).Input("aws-region", "us-east-1");

    /// <summary>The registered long-lived key passed as the access-key inputs.</summary>
    public Scenario WithAccessKeys() => Input("aws-access-key-id", UserAccessKeyId).Input("aws-secret-access-key", UserSecretAccessKey);

    /// <summary>The registered long-lived key already in the job's environment (ambient credentials).</summary>
    public Scenario WithJobCredentials()
    {
        Environment["AWS_ACCESS_KEY_ID"] = UserAccessKeyId;
        Environment["AWS_SECRET_ACCESS_KEY"] = UserSecretAccessKey;
        return this;
    }

    public Task<ActionRunResult> RunAsync(string? argument = null) => Process.RunAsync(Environment, argument);

    /// <summary>Runs the post step the way the runner does after <paramref name="main"/>: its state as STATE_* variables.</summary>
    public Task<ActionRunResult> RunPostAsync(ActionRunResult main)
    {
        foreach (var (name, value) in main.State)
        {
            Environment["STATE_" + name] = value;
        }

        File.WriteAllText(Process.EnvFile, string.Empty);
        return RunAsync("post");
    }

    public IReadOnlyList<string?> StsActions => Sts.Requests.Select(request => request.Action).ToList();

    public async ValueTask DisposeAsync()
    {
        Process.Dispose();
        await Aws.DisposeAsync();
    }
}
