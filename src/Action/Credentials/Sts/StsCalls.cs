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
    private readonly SessionRequest session;
    private readonly IStsClientFactory clients;
    private readonly ActionLog log;

    public StsCalls(SessionRequest session, IStsClientFactory clients, ActionLog log)
    {
        this.session = session;
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
            RoleSessionName = session.Name,
            DurationSeconds = session.DurationSeconds,
            WebIdentityToken = webIdentityToken.Reveal(),
        };
        if (session.InlinePolicy.Length > 0)
        {
            request.Policy = session.InlinePolicy;
        }

        if (session.ManagedPolicyArns.Count > 0)
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
    public async Task<AssumedRole> AssumeRoleAsync(string roleArn, AWSCredentials credentials, CancellationToken cancellationToken)
    {
        using var client = clients.Create(credentials);
        var request = BuildAssumeRoleRequest(roleArn, session.Tagging);
        try
        {
            var response = await client.AssumeRoleAsync(request, cancellationToken).ConfigureAwait(false);
            return ToAssumedRole(response.Credentials, response.AssumedRoleUser);
        }
        catch (AmazonServiceException exception) when (exception.ErrorCode is "PackedPolicyTooLarge" or "PackedPolicyTooLargeException" && session.Tagging.Tags.Count > 0)
        {
            log.Info("Session tag size is too large; dropping droppable tags and retrying.");
            var smaller = BuildAssumeRoleRequest(roleArn, session.Tagging.WithoutDroppable());
            var response = await client.AssumeRoleAsync(smaller, cancellationToken).ConfigureAwait(false);
            return ToAssumedRole(response.Credentials, response.AssumedRoleUser);
        }
    }

    private AssumeRoleRequest BuildAssumeRoleRequest(string roleArn, SessionTagSet tagging)
    {
        var request = new AssumeRoleRequest
        {
            RoleArn = roleArn,
            RoleSessionName = session.Name,
            DurationSeconds = session.DurationSeconds,
        };

        // No tags means tagging is skipped: the request then carries no (empty) tag lists either.
        if (tagging.Tags.Count > 0)
        {
            request.Tags = tagging.Tags.Select(tag => new Tag { Key = tag.Key, Value = tag.Value }).ToList();
            request.TransitiveTagKeys = tagging.TransitiveKeys.ToList();
        }

        if (session.ExternalId.Length > 0)
        {
            request.ExternalId = session.ExternalId;
        }

        if (session.InlinePolicy.Length > 0)
        {
            request.Policy = session.InlinePolicy;
        }

        if (session.ManagedPolicyArns.Count > 0)
        {
            request.PolicyArns = PolicyArns();
        }

        if (session.SourceIdentity.Length > 0)
        {
            request.SourceIdentity = session.SourceIdentity;
        }

        return request;
    }

    private List<PolicyDescriptorType> PolicyArns() =>
        session.ManagedPolicyArns.Select(arn => new PolicyDescriptorType { Arn = arn }).ToList();

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
