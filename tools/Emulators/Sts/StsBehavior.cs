using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Cac.Emulators.Faults;
using Cac.Emulators.Hosting;
using Cac.Emulators.Sts;

namespace Cac.Emulators;

/// <summary>
/// Everything about the emulator that tests set up or change at run time: roles, keys, linked OIDC issuers,
/// and one-shot behaviours (faults, credential quirks). Thread-safe.
/// </summary>
public sealed class StsBehavior
{
    private readonly ConcurrentDictionary<string, StsRole> _roles = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, KnownAccessKey> _keys = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _mfaCodes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, OidcStandIn> _issuersByKeyId = new(StringComparer.Ordinal);
    private int _packedSizeBudget = 4096;
    private volatile bool _trustUnregisteredRoles;
    private volatile RateLimiter? _rateLimiter;

    internal StsBehavior(StsEmulatorOptions options)
    {
        AccountId = options.AccountId;
        foreach (var issuer in options.TrustedOidcIssuers)
        {
            TrustOidcIssuer(issuer);
        }
    }

    /// <summary>The account used for default user ARNs.</summary>
    public string AccountId { get; }

    internal CountedQueue<(StsFault Fault, StsAction? Action)> Faults { get; } = new();

    internal CountedQueue<StsAction?> OmittedCredentials { get; } = new();

    internal CountedQueue<bool> SpecialCharacterSecrets { get; } = new();

    /// <summary>
    /// When true, a role ARN that was never registered behaves like a role that trusts every caller and every
    /// web-identity token with any audience and subject (tokens of linked issuers must still verify). For local runs.
    /// </summary>
    public bool TrustUnregisteredRoles
    {
        get => _trustUnregisteredRoles;
        set => _trustUnregisteredRoles = value;
    }

    /// <summary>
    /// Characters of session tags and inline policy that make 100% of the packed size; above it STS answers
    /// PackedPolicyTooLarge. The real limit is on a compressed form, so this is a stand-in threshold.
    /// </summary>
    public int PackedSizeBudget
    {
        get => Volatile.Read(ref _packedSizeBudget);
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
            Volatile.Write(ref _packedSizeBudget, value);
        }
    }

    /// <summary>
    /// A request-rate limit applied to every request after injected faults (null: none). Setting it starts
    /// a full bucket.
    /// </summary>
    public StsRateLimit? RateLimit
    {
        get => _rateLimiter?.Limit;
        set => _rateLimiter = value is null ? null : new RateLimiter(value, new TokenBucket(value.RequestsPerSecond, value.Burst, value.Time));
    }

    public IReadOnlyList<StsRole> Roles => _roles.Values.ToArray();

    /// <summary>Adds a role, or replaces the role with the same ARN.</summary>
    public void RegisterRole(StsRole role)
    {
        ArgumentNullException.ThrowIfNull(role);
        _roles[role.Arn] = role;
    }

    public bool RemoveRole(string roleArn) => _roles.TryRemove(roleArn, out _);

    public StsRole? FindRole(string roleArn) => _roles.GetValueOrDefault(roleArn);

    /// <summary>
    /// Registers a long-lived key pair (use IDs ending in EXAMPLE) that can sign AssumeRole and GetCallerIdentity.
    /// </summary>
    /// <param name="userArn">The IAM user the key belongs to; defaults to arn:aws:iam::&lt;AccountId&gt;:user/test-user.</param>
    public void RegisterAccessKey(string accessKeyId, string secretAccessKey, string? userArn = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(accessKeyId);
        ArgumentException.ThrowIfNullOrEmpty(secretAccessKey);
        userArn ??= $"arn:aws:iam::{AccountId}:user/test-user";
        var account = Arns.Account(userArn) ?? AccountId;
        _keys[accessKeyId] = new KnownAccessKey(accessKeyId, secretAccessKey, userArn, RandomIds.AwsId("AIDA", 17), account);
    }

    /// <summary>
    /// An issuer of session credentials for <paramref name="roleArn"/> with session name <paramref name="sessionName"/>
    /// (e.g. an instance ID), valid callers of this emulator: give it to a stand-in so the keys it serves work here.
    /// </summary>
    public ICredentialIssuer IssuerFor(string roleArn, string sessionName)
    {
        ArgumentException.ThrowIfNullOrEmpty(roleArn);
        ArgumentException.ThrowIfNullOrEmpty(sessionName);
        return new StsSessionIssuer(this, roleArn, sessionName);
    }

    /// <summary>An MFA device (its ARN, e.g. arn:aws:iam::111111111111:mfa/ci-user) and the code it shows now.</summary>
    public void RegisterMfaDevice(string serialNumber, string currentCode)
    {
        ArgumentException.ThrowIfNullOrEmpty(serialNumber);
        ArgumentException.ThrowIfNullOrEmpty(currentCode);
        _mfaCodes[serialNumber] = currentCode;
    }

    internal bool IsCurrentMfaCode(string serialNumber, string code) =>
        _mfaCodes.TryGetValue(serialNumber, out var current) && current == code;

    /// <summary>Makes AssumeRoleWithWebIdentity verify tokens signed by <paramref name="standIn"/>.</summary>
    public void TrustOidcIssuer(OidcStandIn standIn)
    {
        ArgumentNullException.ThrowIfNull(standIn);
        _issuersByKeyId[standIn.KeyId] = standIn;
    }

    /// <summary>Applies <paramref name="fault"/> to the next <paramref name="count"/> calls of <paramref name="action"/> (null: any action).</summary>
    public void InjectFault(StsFault fault, int count = 1, StsAction? action = null)
    {
        ArgumentNullException.ThrowIfNull(fault);
        Faults.Add((fault, action), count);
    }

    public void ClearFaults() => Faults.Clear();

    /// <summary>The next <paramref name="count"/> successful assume calls (of <paramref name="action"/>, null: either) answer without a Credentials element.</summary>
    public void OmitCredentialsInNext(int count = 1, StsAction? action = null) => OmittedCredentials.Add(action, count);

    /// <summary>The next <paramref name="count"/> issued credentials get a secret key containing '+', '/' and '#'.</summary>
    public void IssueSecretsWithSpecialCharactersForNext(int count = 1) => SpecialCharacterSecrets.Add(true, count);

    /// <summary>Whether the rate limit admits one more request now; always true without a limit.</summary>
    internal bool TryAdmit(out StsRateLimit? refusedBy)
    {
        var limiter = _rateLimiter;
        refusedBy = limiter is not null && !limiter.Bucket.TryTake() ? limiter.Limit : null;
        return refusedBy is null;
    }

    internal KnownAccessKey? FindAccessKey(string accessKeyId) => _keys.GetValueOrDefault(accessKeyId);

    internal void RememberIssuedKey(KnownAccessKey key) => _keys[key.AccessKeyId] = key;

    internal OidcStandIn? FindIssuer(string? keyId) => keyId is null ? null : _issuersByKeyId.GetValueOrDefault(keyId);

    internal bool HasLinkedIssuers => !_issuersByKeyId.IsEmpty;

    /// <summary>The registered role, or for an unregistered one a permissive role when <see cref="TrustUnregisteredRoles"/> is on.</summary>
    internal StsRole? ResolveRole(string roleArn) =>
        FindRole(roleArn) ?? (TrustUnregisteredRoles
            ? new StsRole(roleArn)
            {
                AllowedCallers = ["*"],
                MaxSessionDuration = TimeSpan.FromHours(12),
                WebIdentity = new WebIdentityTrust { Audiences = ["*"], SubjectPatterns = ["*"] },
            }
            : null);

    private sealed record RateLimiter(StsRateLimit Limit, TokenBucket Bucket);
}
