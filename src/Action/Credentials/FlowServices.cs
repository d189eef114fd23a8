using System;
using System.Collections.Generic;
using Cac.Abstractions;
using Cac.Action.Aws;
using Cac.Action.Credentials.Ambient;
using Cac.Action.Credentials.Tokens;
using Cac.Action.Retries;
using Cac.Action.Runner;

namespace Cac.Action.Credentials;

/// <summary>
/// The edges of the flow in one object, so composition (ActionHost, tests) stays in one place. It owns the
/// HTTP handlers and clients it was given for disposal, so a run leaves no connection behind.
/// </summary>
public sealed class FlowServices : IDisposable
{
    private readonly IReadOnlyList<IDisposable> owned;

    public FlowServices(
        IActionEnvironment environment,
        ActionLog log,
        IStsClientFactory stsClients,
        IGitHubTokenClient gitHubTokens,
        IAmbientCredentialProvider ambient,
        Retrier retrier,
        TimeProvider time,
        IReadOnlyList<IDisposable> owned)
    {
        Environment = environment;
        Log = log;
        StsClients = stsClients;
        GitHubTokens = gitHubTokens;
        Ambient = ambient;
        Retrier = retrier;
        Time = time;
        this.owned = owned;
    }

    public IActionEnvironment Environment { get; }
    public ActionLog Log { get; }
    public IStsClientFactory StsClients { get; }
    public IGitHubTokenClient GitHubTokens { get; }
    public IAmbientCredentialProvider Ambient { get; }
    public Retrier Retrier { get; }
    public TimeProvider Time { get; }

    public void Dispose()
    {
        foreach (var disposable in owned)
        {
            disposable.Dispose();
        }
    }
}
