using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;
using Cac.Emulators.Faults;

namespace Cac.Emulators;

/// <summary>
/// What the OIDC stand-in puts in its tokens and which faults it injects. Thread-safe; tests change it
/// between (or during) runs.
/// </summary>
public sealed class OidcBehavior
{
    private readonly object _gate = new();
    private readonly Dictionary<string, JsonNode?> _claimOverrides = new(StringComparer.Ordinal);
    private string _repository = "octo-org/octo-repo";
    private string _ref = "refs/heads/main";
    private string _eventName = "push";
    private string? _environment;
    private TimeSpan _lifetime = TimeSpan.FromMinutes(5);
    private TimeSpan _issueTimeOffset;
    private bool _useWrongAudience;

    internal CountedQueue<OidcFault> Faults { get; } = new();

    /// <summary>owner/name; drives <c>sub</c>, <c>repository</c>, <c>repository_owner</c> and the default audience.</summary>
    public string Repository
    {
        get { lock (_gate) { return _repository; } }
        set { lock (_gate) { _repository = value; } }
    }

    /// <summary>The git ref, e.g. refs/heads/main or refs/tags/v1.</summary>
    public string Ref
    {
        get { lock (_gate) { return _ref; } }
        set { lock (_gate) { _ref = value; } }
    }

    /// <summary>The triggering event; <c>pull_request</c> changes <c>sub</c> to <c>repo:…:pull_request</c>.</summary>
    public string EventName
    {
        get { lock (_gate) { return _eventName; } }
        set { lock (_gate) { _eventName = value; } }
    }

    /// <summary>A deployment environment; when set, <c>sub</c> becomes <c>repo:…:environment:&lt;name&gt;</c>, as on GitHub.</summary>
    public string? Environment
    {
        get { lock (_gate) { return _environment; } }
        set { lock (_gate) { _environment = value; } }
    }

    /// <summary>Time from <c>iat</c> to <c>exp</c>; GitHub's tokens live 5 minutes.</summary>
    public TimeSpan Lifetime
    {
        get { lock (_gate) { return _lifetime; } }
        set { lock (_gate) { _lifetime = value; } }
    }

    /// <summary>Shifts <c>iat</c>, <c>nbf</c> and <c>exp</c>; a negative hour gives an already expired token.</summary>
    public TimeSpan IssueTimeOffset
    {
        get { lock (_gate) { return _issueTimeOffset; } }
        set { lock (_gate) { _issueTimeOffset = value; } }
    }

    /// <summary>When true, <c>aud</c> ignores the requested audience and names an audience no role trusts.</summary>
    public bool UseWrongAudience
    {
        get { lock (_gate) { return _useWrongAudience; } }
        set { lock (_gate) { _useWrongAudience = value; } }
    }

    /// <summary>Adds or replaces a claim (any of the defaults included); wins over everything else.</summary>
    public void SetClaim(string name, string value) => SetClaimNode(name, JsonValue.Create(value));

    /// <summary>Adds or replaces a numeric claim, e.g. <c>exp</c>.</summary>
    public void SetClaim(string name, long value) => SetClaimNode(name, JsonValue.Create(value));

    /// <summary>Leaves a claim out of issued tokens.</summary>
    public void RemoveClaim(string name) => SetClaimNode(name, null);

    public void ClearClaimOverrides()
    {
        lock (_gate)
        {
            _claimOverrides.Clear();
        }
    }

    /// <summary>Applies <paramref name="fault"/> to the next <paramref name="count"/> token requests.</summary>
    public void InjectFault(OidcFault fault, int count = 1)
    {
        ArgumentNullException.ThrowIfNull(fault);
        Faults.Add(fault, count);
    }

    public void ClearFaults() => Faults.Clear();

    internal TokenSettings Snapshot()
    {
        lock (_gate)
        {
            return new TokenSettings(
                _repository, _ref, _eventName, _environment, _lifetime, _issueTimeOffset, _useWrongAudience,
                new Dictionary<string, JsonNode?>(_claimOverrides, StringComparer.Ordinal));
        }
    }

    private void SetClaimNode(string name, JsonNode? value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        lock (_gate)
        {
            _claimOverrides[name] = value;
        }
    }

    /// <summary>A consistent copy of the settings, so one token never mixes two states.</summary>
    internal sealed record TokenSettings(
        string Repository,
        string Ref,
        string EventName,
        string? Environment,
        TimeSpan Lifetime,
        TimeSpan IssueTimeOffset,
        bool UseWrongAudience,
        IReadOnlyDictionary<string, JsonNode?> ClaimOverrides);
}
