using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Amazon.SecurityToken.Model;
using Cac.Abstractions;
using Cac.Action.Aws;
using Cac.Action.Errors;
using Cac.Action.Profiles;

namespace Cac.Action.Credentials.Ambient;

/// <summary>
/// The profile named by AWS_PROFILE (or <c>default</c>) in the shared files, resolved as the JavaScript SDK's
/// <c>fromIni</c> does: <c>role_arn</c> with <c>source_profile</c> (recursively) or <c>credential_source</c>,
/// then static keys, then <c>web_identity_token_file</c>, then <c>credential_process</c>, then SSO. A profile
/// reached as a <c>source_profile</c> uses its static keys first (so a profile can be its own source). Our own
/// code rather than the .NET SDK's profile providers, whose order, environment reads and file reads differ
/// (see docs/ambient-credentials.md). A profile that is missing, or holds only settings such as a region, is a
/// decline; one that is configured for credentials and cannot produce them is the run's error.
/// </summary>
public sealed class ProfileCredentialProvider : IAmbientCredentialProvider
{
    /// <summary>The most <c>source_profile</c> hops followed; a longer chain is a mistake, not a setup.</summary>
    public const int MaxSourceProfileHops = 10;

    private readonly IActionEnvironment environment;
    private readonly ISecretMasker masker;
    private readonly ProfileSources sources;

    public ProfileCredentialProvider(IActionEnvironment environment, ISecretMasker masker, ProfileSources sources)
    {
        this.environment = environment;
        this.masker = masker;
        this.sources = sources;
    }

    public string Name => "shared profile files";

    public async Task<AmbientResult> TryResolveAsync(CancellationToken cancellationToken)
    {
        var name = environment.GetVariable("AWS_PROFILE");
        if (string.IsNullOrEmpty(name))
        {
            name = "default";
        }

        var files = SharedProfiles.Load(ProfilePaths.Resolve(environment));
        var profile = files.Profile(name);
        if (profile is null)
        {
            return AmbientResult.Declined("no profile '" + name + "' in " + files.Paths.CredentialsPath + " or " + files.Paths.ConfigPath);
        }

        if (!HasCredentialSettings(profile))
        {
            return AmbientResult.Declined("profile '" + name + "' has no credential settings");
        }

        const string prefix = "Credentials could not be loaded, please check your action inputs: ";
        try
        {
            return AmbientResult.Found(await ResolveAsync(files, [name], profile, cancellationToken).ConfigureAwait(false));
        }
        catch (ProfileProblem problem)
        {
            throw new ActionError(prefix + Naming(name, problem.Message), ErrorCode.AmbientProfile, problem);
        }
        catch (ActionError error)
        {
            throw new ActionError(prefix + Naming(name, error.Message), error.Code, error);
        }
    }

    /// <summary>The message, led by the profile's name unless it already starts with it.</summary>
    private static string Naming(string name, string message)
    {
        var profile = "profile '" + name + "'";
        return message.StartsWith(profile + " ", StringComparison.Ordinal) || message.StartsWith(profile + ":", StringComparison.Ordinal)
            ? message
            : profile + ": " + message;
    }

    /// <summary>Runs a provider of the profile's own kind, its problems led by which profile it was.</summary>
    private static async Task<AmbientCredentials> AsProfileAsync(string where, Func<Task<AmbientCredentials>> resolve)
    {
        try
        {
            return await resolve().ConfigureAwait(false);
        }
        catch (ProfileProblem problem)
        {
            throw new ProfileProblem(where + ": " + problem.Message, problem);
        }
        catch (ActionError error)
        {
            throw new ActionError(where + ": " + error.Message, error.Code, error);
        }
    }

    private static bool HasCredentialSettings(IReadOnlyDictionary<string, string> profile) =>
        profile.ContainsKey("aws_access_key_id") || profile.ContainsKey("aws_secret_access_key") || profile.ContainsKey("role_arn")
        || profile.ContainsKey("web_identity_token_file") || profile.ContainsKey("credential_process") || SsoRoleCredentials.IsSsoProfile(profile);

    /// <param name="chain">The profiles from the one named by AWS_PROFILE to <paramref name="profile"/>, for cycle checks and messages.</param>
    private async Task<AmbientCredentials> ResolveAsync(SharedProfiles files, List<string> chain, IReadOnlyDictionary<string, string> profile, CancellationToken cancellationToken)
    {
        var name = chain[^1];
        var where = chain.Count == 1 ? "profile '" + name + "'" : "profile '" + name + "' (source of '" + chain[^2] + "')";
        var isSource = chain.Count > 1;
        if (isSource && StaticKeys(profile, name, files) is { } sourceKeys)
        {
            return sourceKeys;
        }

        if (profile.TryGetValue("role_arn", out var roleArn) && (profile.ContainsKey("source_profile") || profile.ContainsKey("credential_source")))
        {
            var source = await SourceOfRoleAsync(files, chain, profile, cancellationToken).ConfigureAwait(false);
            return await AssumeRoleAsync(profile, roleArn, source, where, cancellationToken).ConfigureAwait(false);
        }

        if (StaticKeys(profile, name, files) is { } keys)
        {
            return keys;
        }

        if (profile.TryGetValue("web_identity_token_file", out var tokenFile))
        {
            var webRole = profile.TryGetValue("role_arn", out var arn) ? arn : throw new ProfileProblem(where + " has web_identity_token_file but no role_arn");
            profile.TryGetValue("role_session_name", out var sessionName);
            return await AsProfileAsync(where, () => WebIdentityExchange.AssumeAsync(
                sources.StsClients, environment, masker, tokenFile, webRole, sessionName,
                where + " (web_identity_token_file for " + webRole + ")", string.Empty, cancellationToken)).ConfigureAwait(false);
        }

        if (profile.TryGetValue("credential_process", out var command))
        {
            return await AsProfileAsync(where, () => sources.Processes.RunAsync(command, where + " (credential_process)", cancellationToken)).ConfigureAwait(false);
        }

        if (SsoRoleCredentials.IsSsoProfile(profile))
        {
            return await AsProfileAsync(where, () => sources.Sso.ResolveAsync(name, profile, files, where + " (SSO)", cancellationToken)).ConfigureAwait(false);
        }

        throw new ProfileProblem(where + " has no credentials: no keys, role_arn with a source, web_identity_token_file, credential_process or SSO settings");
    }

    private AmbientCredentials? StaticKeys(IReadOnlyDictionary<string, string> profile, string name, SharedProfiles files)
    {
        var hasKeyId = profile.TryGetValue("aws_access_key_id", out var keyId);
        var hasSecret = profile.TryGetValue("aws_secret_access_key", out var secret);
        if (hasKeyId != hasSecret && !profile.ContainsKey("role_arn"))
        {
            throw new ProfileProblem("profile '" + name + "' has " + (hasKeyId ? "aws_access_key_id but no aws_secret_access_key" : "aws_secret_access_key but no aws_access_key_id"));
        }

        if (!hasKeyId || !hasSecret)
        {
            return null;
        }

        profile.TryGetValue("aws_session_token", out var token);
        return AmbientCredentials.Create(keyId!, secret!, token ?? string.Empty, "profile '" + name + "' in " + files.FileOf(name, "aws_access_key_id"), masker);
    }

    private async Task<AmbientCredentials> SourceOfRoleAsync(SharedProfiles files, List<string> chain, IReadOnlyDictionary<string, string> profile, CancellationToken cancellationToken)
    {
        var name = chain[^1];
        var hasSourceProfile = profile.TryGetValue("source_profile", out var sourceName);
        var hasCredentialSource = profile.TryGetValue("credential_source", out var credentialSource);
        if (hasSourceProfile && hasCredentialSource)
        {
            throw new ProfileProblem("profile '" + name + "' has both source_profile and credential_source; the SDKs accept only one");
        }

        if (profile.TryGetValue("mfa_serial", out var mfa))
        {
            throw new ProfileProblem("profile '" + name + "' needs an MFA code (mfa_serial = " + mfa + "), which no one can type in a CI job: use a role without MFA for CI");
        }

        if (hasCredentialSource)
        {
            var found = credentialSource switch
            {
                "Environment" => sources.Environment.ResolveKeys(),
                "Ec2InstanceMetadata" => await sources.InstanceMetadata.TryResolveAsync(cancellationToken).ConfigureAwait(false),
                "EcsContainer" => await sources.Container.TryResolveAsync(cancellationToken).ConfigureAwait(false),
                _ => throw new ProfileProblem("profile '" + name + "' has credential_source '" + credentialSource + "', which is not Environment, Ec2InstanceMetadata or EcsContainer"),
            };
            return found.Credentials ?? throw new ProfileProblem("profile '" + name + "' has credential_source " + credentialSource + ", which found no credentials: " + found.Reason);
        }

        // As in the JavaScript SDK, the profile named by AWS_PROFILE may be its own source (its keys then sign
        // the call); any other repeat is a cycle.
        if (chain.IndexOf(sourceName!, 1) >= 0)
        {
            throw new ProfileProblem("source_profile makes a cycle: " + string.Join(" -> ", chain) + " -> " + sourceName);
        }

        if (chain.Count > MaxSourceProfileHops)
        {
            throw new ProfileProblem("source_profile chain is longer than " + MaxSourceProfileHops + " profiles: " + string.Join(" -> ", chain));
        }

        var source = files.Profile(sourceName!) ?? throw new ProfileProblem("profile '" + name + "' has source_profile '" + sourceName + "', which does not exist");
        return await ResolveAsync(files, [.. chain, sourceName!], source, cancellationToken).ConfigureAwait(false);
    }

    private async Task<AmbientCredentials> AssumeRoleAsync(IReadOnlyDictionary<string, string> profile, string roleArn, AmbientCredentials source, string where, CancellationToken cancellationToken)
    {
        var request = new AssumeRoleRequest
        {
            RoleArn = roleArn,
            RoleSessionName = profile.TryGetValue("role_session_name", out var session) ? session : WebIdentityExchange.DefaultSessionName,
        };
        if (profile.TryGetValue("external_id", out var externalId))
        {
            request.ExternalId = externalId;
        }

        if (profile.TryGetValue("duration_seconds", out var duration))
        {
            request.DurationSeconds = int.TryParse(duration, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds is >= 900 and <= 43200
                ? seconds
                : throw new ProfileProblem(where + " has duration_seconds '" + duration + "': a whole number from 900 to 43200 is needed");
        }

        var errorPrefix = "AssumeRole " + roleArn + " for " + where + " failed: ";
        using var client = sources.StsClients.Create(source.ToAwsCredentials());
        return await AssumedRoles.CallAsync(
            async () => (await client.AssumeRoleAsync(request, cancellationToken).ConfigureAwait(false)).Credentials,
            where + " (role " + roleArn + ")", masker, errorPrefix, ErrorCode.AssumeRoleDenied, cancellationToken).ConfigureAwait(false);
    }
}
