using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Cac.Abstractions;
using Cac.Action.Ambient;
using Cac.Action.Errors;
using Cac.Action.Flow;
using Cac.Action.Planning;
using Cac.Action.Proxy;
using Cac.Action.Sts;
using Cac.Action.Toolkit;

namespace Cac.Action;

/// <summary>
/// Composes the real implementations behind the flow's interfaces and turns every failure into one
/// error line and exit code 1. Program passes the process's environment and console; tests pass a
/// dictionary and a recording console, so they never touch process-wide state.
/// </summary>
public static class ActionHost
{
    public static async Task<int> RunAsync(
        string[] args, IActionEnvironment environment, IConsole console, TimeProvider time, ActionHostOptions options, CancellationToken cancellationToken)
    {
        var log = new ActionLog(console, ActionLog.IsDebugEnabled(environment));
        var files = new FileCommandWriter(environment);
        try
        {
            if (args.Length == 1 && args[0] == "post")
            {
                new PostStep(environment, files, log).Run();
                return 0;
            }

            if (args.Length > 0)
            {
                throw new ActionError("Unexpected arguments: run with no argument for the main step, or with 'post' for the post step.", ErrorCode.InvalidInput);
            }

            using var stsHandler = new SocketsHttpHandler { ConnectTimeout = options.ConnectTimeout, UseProxy = false };
            using var plainHandler = new SocketsHttpHandler { ConnectTimeout = options.MetadataTimeout, UseProxy = false };
            using var metadataClient = new HttpClient(plainHandler, disposeHandler: false) { Timeout = options.MetadataTimeout };
            HttpClient? stsClient = null;
            try
            {
                var main = new MainStep(environment, log, files, time, (settings, plan) =>
                {
                    // One handler for STS and GitHub's token service; no-proxy is matched per target.
                    stsHandler.Proxy = new ResolvedWebProxy(plan.Proxy);
                    stsHandler.UseProxy = true;
                    var userAgentWarnings = new List<string>();
                    var userAgent = UserAgentSuffix.Build(environment, userAgentWarnings);
                    userAgentWarnings.ForEach(log.Warning);
                    stsClient = new HttpClient(new UserAgentHandler(stsHandler, userAgent), disposeHandler: true) { Timeout = options.RequestTimeout };
                    return Compose(environment, log, time, options, settings, plan, stsClient, stsHandler, metadataClient);
                });
                await main.RunAsync(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                stsClient?.Dispose();
            }

            return 0;
        }
        catch (ActionError error)
        {
            Report(log, error.Message, error.Code, error, environment);
            return 1;
        }
        catch (FileCommandException exception)
        {
            Report(log, exception.Message, ErrorCode.RunnerEnvironment, exception, environment);
            return 1;
        }
        catch (Exception exception)
        {
            Report(log, exception.Message, ErrorCode.Internal, exception, environment);
            return 1;
        }
    }

    private static FlowServices Compose(
        IActionEnvironment environment, ActionLog log, TimeProvider time, ActionHostOptions options, Settings.Settings settings, Plan plan,
        HttpClient stsClient, HttpMessageHandler tokenHandler, HttpClient metadataClient)
    {
        var ambient = new AmbientCredentialChain(
        [
            new EnvironmentCredentialProvider(environment, log, ignored: settings.UnsetCurrentCredentials),
            new ProfileCredentialProvider(environment, log),
            new ContainerCredentialProvider(environment, log, metadataClient),
            new InstanceMetadataCredentialProvider(environment, log, metadataClient),
        ]);
        var attempts = settings.DisableRetry ? 1 : settings.RetryMaxAttempts;
        return new FlowServices(
            environment,
            log,
            new StsClientFactory(plan.Endpoint, stsClient, options.RequestTimeout),
            new GitHubTokenClient(tokenHandler, environment, log, time, options.RequestTimeout),
            ambient,
            new Retrier(attempts, time, log, Random.Shared.NextDouble),
            time);
    }

    private static void Report(ActionLog log, string message, ErrorCode code, Exception exception, IActionEnvironment environment)
    {
        log.Error(message + "\n[" + code.Code + "] " + code.Hint);
        if (log.IsDebug || environment.GetVariable("SHOW_STACK_TRACE") == "true")
        {
            log.Debug(exception.ToString());
        }
    }
}
