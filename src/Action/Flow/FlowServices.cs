using System;
using Cac.Abstractions;
using Cac.Action.Ambient;
using Cac.Action.Sts;
using Cac.Action.Toolkit;

namespace Cac.Action.Flow;

/// <summary>The edges of the flow, one object so that composition (Program, tests) stays in one place.</summary>
public sealed record FlowServices(
    IActionEnvironment Environment,
    ActionLog Log,
    IStsClientFactory StsClients,
    IGitHubTokenClient GitHubTokens,
    IAmbientCredentialProvider Ambient,
    Retrier Retrier,
    TimeProvider Time);
