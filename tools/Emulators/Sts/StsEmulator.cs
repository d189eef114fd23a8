using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Cac.Emulators.Hosting;
using Cac.Emulators.Sts;

namespace Cac.Emulators;

/// <summary>
/// An AWS STS emulator (Query protocol, 2011-06-15) on 127.0.0.1 with an ephemeral port, for driving the
/// real AWS SDK over real HTTP: AssumeRole, AssumeRoleWithWebIdentity and GetCallerIdentity, SigV4 checked.
/// </summary>
public sealed class StsEmulator : IAsyncDisposable
{
    private readonly RequestLog<StsRequestRecord> _log;
    private readonly LoopbackHttpServer _server;

    private StsEmulator(StsBehavior behavior, LoopbackHttpServer server, RequestLog<StsRequestRecord> log)
    {
        Behavior = behavior;
        _server = server;
        _log = log;
    }

    /// <summary>The service URL for the SDK's ServiceURL, e.g. http://127.0.0.1:41234/.</summary>
    public Uri Endpoint => _server.BaseAddress;

    public StsBehavior Behavior { get; }

    /// <summary>Snapshot of every request so far, oldest first.</summary>
    public IReadOnlyList<StsRequestRecord> Requests => _log.Snapshot();

    public static async Task<StsEmulator> StartAsync(StsEmulatorOptions? options = null, CancellationToken ct = default)
    {
        var behavior = new StsBehavior(options ?? new StsEmulatorOptions());
        var log = new RequestLog<StsRequestRecord>();
        var processor = new StsRequestProcessor(behavior, log);
        var server = await LoopbackHttpServer.StartAsync(processor.HandleAsync, ct).ConfigureAwait(false);
        return new StsEmulator(behavior, server, log);
    }

    public void ClearRequests() => _log.Clear();

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
