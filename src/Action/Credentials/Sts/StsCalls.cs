using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.SecurityToken.Model;
using Cac.Abstractions;
using Cac.Action.Aws;
using Cac.Action.Errors;
using Cac.Action.Inputs;
using Cac.Action.Planning;
using Cac.Action.Runner;
using Cac.Action.Tags;

namespace Cac.Action.Credentials.Sts;

/// <summary>
/// The three STS calls with the run's parameters: request building, the SDK call, and turning the answer
/// into masked credentials. One attempt each; <see cref="CredentialFlow"/> owns retries.
/// </summary>
public sealed class StsCalls
{
    private readonly ValidatedInputs settings;
    private readonly IStsClientFactory clients;
    private readonly ActionLog log;

    public StsCalls(ValidatedInputs settings, IStsClientFactory clients, ActionLog log)
    {
        this.settings = settings;
        this.clients = clients;
        this.log = log;
    }

    public async Task<CallerIdentity> GetCallerIdentityAsync(AWSCredentials credentials, CancellationToken cancellationToken)
    {
        try
        {
            using var client = clients.Create(credentials);
            var response = await client.GetCallerIdentityAsync(new GetCallerIdentityRequest(), cancellationToken).ConfigureAwait(false);
            if (string.IsNullOrEmpty(response.Account) || string.IsNullOrEmpty(response.Arn))
            {
                throw new ActionError(
                    "Credentials could not be loaded, please check your action inputs: Could not get Account ID or ARN from STS. Did you set credentials?",
                    ErrorCode.CredentialsInvalid);
            }

            return new CallerIdentity(response.Account, response.Arn);
        }
        catch (Exception exception) when (exception is not ActionError && !TransientErrors.IsTransient(exception))
        {
            throw StsFailures.Translate("Credentials could not be loaded, please check your action inputs: ", exception, ErrorCode.CredentialsInvalid);
        }
    }

    public async Task<AssumedRole> AssumeRoleWithWebIdentityAsync(string roleArn, Secret webIdentityToken, CancellationToken cancellationToken)
    {
        using var client = clients.Create(new AnonymousAWSCredentials());
        var request = new AssumeRoleWithWebIdentityRequest
        {
            RoleArn = roleArn,
            RoleSessionName = settings.SessionName,
            DurationSeconds = settings.DurationSeconds,
            WebIdentityToken = webIdentityToken.Reveal(),
        };
        if (settings.InlineSessionPolicy.Length > 0)
        {
            request.Policy = settings.InlineSessionPolicy;
        }

        if (settings.ManagedSessionPolicies.Count > 0)
        {
            request.PolicyArns = PolicyArns();
        }

        var response = await client.AssumeRoleWithWebIdentityAsync(request, cancellationToken).ConfigureAwait(false);
        return ToAssumedRole(response.Credentials, response.AssumedRoleUser);
    }

    /// <summary>
    /// AssumeRole signed with <paramref name="credentials"/>. When STS finds the session tags too large, the
    /// droppable tags are removed and the call is made once more, as upstream does.
    /// </summary>
    public async Task<AssumedRole> AssumeRoleAsync(
        string roleArn, AWSCredentials credentials, IReadOnlyList<SessionTag> tags, IReadOnlyList<string> transitiveTagKeys, CancellationToken cancellationToken)
    {
        using var client = clients.Create(credentials);
        var request = BuildAssumeRoleRequest(roleArn, tags, transitiveTagKeys);
        try
        {
            var response = await client.AssumeRoleAsync(request, cancellationToken).ConfigureAwait(false);
            return ToAssumedRole(response.Credentials, response.AssumedRoleUser);
        }
        catch (AmazonServiceException exception) when (exception.ErrorCode is "PackedPolicyTooLarge" or "PackedPolicyTooLargeException" && tags.Count > 0)
        {
            log.Info("Session tag size is too large; dropping droppable tags and retrying.");
            var kept = tags.Where(tag => !SessionTagBuilder.IsDroppable(tag.Key)).ToList();
            var smaller = BuildAssumeRoleRequest(roleArn, kept, Planner.FilterTransitiveKeys(transitiveTagKeys, kept));
            var response = await client.AssumeRoleAsync(smaller, cancellationToken).ConfigureAwait(false);
            return ToAssumedRole(response.Credentials, response.AssumedRoleUser);
        }
    }

    private AssumeRoleRequest BuildAssumeRoleRequest(string roleArn, IReadOnlyList<SessionTag> tags, IReadOnlyList<string> transitiveKeys)
    {
        var request = new AssumeRoleRequest
        {
            RoleArn = roleArn,
            RoleSessionName = settings.SessionName,
            DurationSeconds = settings.DurationSeconds,
        };
        if (!settings.SkipSessionTagging)
        {
            request.Tags = tags.Select(tag => new Tag { Key = tag.Key, Value = tag.Value }).ToList();
            request.TransitiveTagKeys = transitiveKeys.ToList();
        }

        if (settings.ExternalId.Length > 0)
        {
            request.ExternalId = settings.ExternalId;
        }

        if (settings.InlineSessionPolicy.Length > 0)
        {
            request.Policy = settings.InlineSessionPolicy;
        }

        if (settings.ManagedSessionPolicies.Count > 0)
        {
            request.PolicyArns = PolicyArns();
        }

        if (settings.SourceIdentity.Length > 0)
        {
            request.SourceIdentity = settings.SourceIdentity;
        }

        return request;
    }

    private List<PolicyDescriptorType> PolicyArns() =>
        settings.ManagedSessionPolicies.Select(arn => new PolicyDescriptorType { Arn = arn }).ToList();

    private AssumedRole ToAssumedRole(Amazon.SecurityToken.Model.Credentials? credentials, AssumedRoleUser? user)
    {
        if (credentials is null || string.IsNullOrEmpty(credentials.AccessKeyId) || string.IsNullOrEmpty(credentials.SecretAccessKey))
        {
            throw new ActionError("AssumeRole call succeeded but returned no credentials", ErrorCode.NoCredentialsReturned);
        }

        // Mask first: nothing about these credentials may be printed before the runner knows them.
        var issued = new IssuedCredentials(
            Secret.Create(credentials.AccessKeyId, log),
            Secret.Create(credentials.SecretAccessKey, log),
            Secret.Create(credentials.SessionToken ?? string.Empty, log),
            credentials.Expiration is { } expiration ? new DateTimeOffset(expiration.ToUniversalTime(), TimeSpan.Zero) : null);
        return new AssumedRole(issued, user?.Arn ?? string.Empty, user?.AssumedRoleId ?? string.Empty);
    }
}
