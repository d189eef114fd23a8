using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using Cac.Abstractions;
using Cac.Action.Aws;
using Cac.Action.Credentials;
using Cac.Action.Credentials.Ambient;
using Cac.Action.Credentials.Tokens;
using Cac.Action.Net;
using Cac.Action.Net.Proxy;
using Cac.Action.Planning;
using Cac.Action.Retries;
using Cac.Action.Runner;

namespace Cac.Action;

/// <summary>
/// Builds the real implementations behind the flow's interfaces for one run, once the plan (endpoint,
/// proxy, retries) is known.
/// </summary>
public static class ServiceComposition
{
    public static FlowServices Create(
        IActionEnvironment environment, ActionLog log, TimeProvider time, ActionHostOptions options, Plan plan)
    {
        // One handler for STS and GitHub's token service, so both honour the proxy; no-proxy is matched per target.
        // Redirects are never followed: they would carry the token or the signed request to another host.
        // Proxy logins are sent on the first request: on the CONNECT of a tunnel, or on a plain-http request.
        var networkHandler = new SocketsHttpHandler
        {
            ConnectTimeout = options.ConnectTimeout,
            Proxy = new ResolvedWebProxy(plan.Proxy),
            UseProxy = true,
            ConnectCallback = ProxyTunnel.IsNeeded(plan.Proxy) ? new ProxyTunnel(plan.Proxy).ConnectAsync : null,
            AllowAutoRedirect = false,
        };
        var proxiedHandler = new ProxyAuthorizationHandler(networkHandler, plan.Proxy);

        // Container and instance-metadata endpoints are link-local: never through a proxy, and quick to give up on.
        // Their providers read whole answers, so HttpClient's timeout covers the body and its buffer cap the size.
        var metadataHandler = new SocketsHttpHandler { ConnectTimeout = options.MetadataTimeout, UseProxy = false, AllowAutoRedirect = false };
        var metadataClient = new HttpClient(metadataHandler, disposeHandler: false)
        {
            Timeout = options.MetadataTimeout,
            MaxResponseContentBufferSize = ResponseLimits.DefaultMaxResponseBytes,
        };

        var userAgentWarnings = new List<string>();
        var userAgent = UserAgentSuffix.Build(environment, userAgentWarnings);
        userAgentWarnings.ForEach(log.Warning);
        var limits = new ResponseLimits(options.RequestTimeout, ResponseLimits.DefaultMaxResponseBytes);
        var stsHandler = new UserAgentHandler(new GuardedHandler(proxiedHandler, limits, time), userAgent);
        var stsClient = new HttpClient(stsHandler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
        var gitHubTokens = new GitHubTokenClient(proxiedHandler, environment, log, time, options.RequestTimeout);

        var stsClients = new StsClientFactory(plan.Endpoint, stsClient);
        var environmentKeys = new EnvironmentCredentialProvider(environment, log, ignored: plan.UnsetCurrentCredentials);
        var container = new ContainerCredentialProvider(environment, log, metadataClient, time);
        var instanceMetadata = new InstanceMetadataCredentialProvider(environment, log, metadataClient, time);
        var profileSources = new ProfileSources(
            stsClients, environmentKeys, container, instanceMetadata,
            new CredentialProcessRunner(log, time), new SsoRoleCredentials(environment, log, stsClient, time));
        var ambient = new AmbientCredentialChain(
        [
            environmentKeys,
            new ProfileCredentialProvider(environment, log, profileSources),
            new WebIdentityEnvironmentCredentialProvider(environment, log, stsClients),
            container,
            new InstanceMetadataCredentialProvider(environment, log, metadataClient, time, defersToContainer: true),
        ],
            log);
        return new FlowServices(
            environment,
            log,
            stsClients,
            gitHubTokens,
            ambient,
            new Retrier(plan.Retry.Attempts, time, log, Random.Shared.NextDouble),
            time,
            [gitHubTokens, stsClient, metadataClient, networkHandler, metadataHandler]);
    }
}
