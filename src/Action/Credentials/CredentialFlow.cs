using System;
using System.Buffers;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using Cac.Abstractions;
using Cac.Action.Aws;
using Cac.Action.Credentials.Ambient;
using Cac.Action.Credentials.Sts;
using Cac.Action.Credentials.Tokens;
using Cac.Action.Errors;
using Cac.Action.Planning;
using Cac.Action.Retries;
using Cac.Action.Runner;

namespace Cac.Action.Credentials;

/// <summary>
/// Carries out a <see cref="Plan"/>: finds the starting credentials, validates them, assumes the role, and
/// checks the result. It calls STS and GitHub's token service but writes nothing for the workflow: the
/// caller exports the <see cref="FlowResult"/> only when the whole run succeeded.
/// </summary>
public sealed class CredentialFlow
{
    /// <summary>A GitHub token older than this is fetched again before another attempt (they live ~5 min).</summary>
    private static readonly TimeSpan TokenRefreshAge = TimeSpan.FromSeconds(60);

    /// <summary>The characters <c>special-characters-workaround</c> keeps out of new keys (upstream's set).</summary>
    private static readonly SearchValues<char> SpecialCharacters = SearchValues.Create("!@#$%^&*()_+-=[]{};':\"\\|,.<>/?");

    private readonly Plan plan;
    private readonly FlowServices services;
    private readonly StsCalls calls;
    private readonly RetryPipeline validateRetries;
    private readonly RetryPipeline tokenRetries;
    private readonly RetryPipeline assumeRetries;
    private Task<AmbientResult>? ambient;

    public CredentialFlow(Plan plan, FlowServices services)
    {
        this.plan = plan;
        this.services = services;
        calls = new StsCalls(plan.Session, services.StsClients, services.Log);
        validateRetries = services.Retrier.For("validateCredentials", StsRetryClassifier.Instance);
        tokenRetries = services.Retrier.For("getIDToken", GitHubTokenRetryClassifier.Instance);
        assumeRetries = services.Retrier.For("AssumeRole", AssumeRetryClassifier.Instance);
    }

    private ActionLog Log => services.Log;

    public async Task<FlowResult> RunAsync(CancellationToken cancellationToken)
    {
        if (plan.UseExistingCredentials && await TryExistingAsync(cancellationToken).ConfigureAwait(false) is { } existing)
        {
            return existing;
        }

        if (plan.OidcImpliedWithoutToken)
        {
            Log.Info("It looks like you might be trying to authenticate with OIDC. Did you mean to set the `id-token` permission? If you are not trying to authenticate with OIDC and the action is working successfully, you can ignore this message.");
        }

        var source = await ResolveSourceAsync(cancellationToken).ConfigureAwait(false);
        if (plan.Method == AssumeMethod.None)
        {
            Log.Info("Proceeding with IAM user credentials");
            var result = new FlowResult
            {
                Source = plan.Source,
                Credentials = plan.InputKeys is { } keys
                    ? new IssuedCredentials(keys.AccessKeyId, keys.SecretAccessKey, keys.SessionToken, null)
                    : null,
                Account = source.Identity?.Account ?? string.Empty,
                Arn = source.Identity?.Arn ?? string.Empty,
            };
            CheckAllowedAccount(result.Account);
            return result;
        }

        var roleArn = plan.Role!.ArnIn(source.Identity?.Account);
        var assumed = await AssumeAsync(roleArn, source.Credentials, cancellationToken).ConfigureAwait(false);
        var account = Partition.AccountFromArn(assumed.Arn) ?? string.Empty;
        Log.Info("Authenticated as assumedRoleId " + assumed.AssumedRoleId);
        CheckAllowedAccount(account);
        return new FlowResult
        {
            Source = plan.Source,
            Credentials = assumed.Credentials,
            Account = account,
            Arn = assumed.Arn,
            AssumedRoleId = assumed.AssumedRoleId,
            SessionName = plan.Session.Name,
        };
    }

    private async Task<FlowResult?> TryExistingAsync(CancellationToken cancellationToken)
    {
        var existing = (await AmbientAsync(cancellationToken).ConfigureAwait(false)).Credentials;
        if (existing is not null)
        {
            try
            {
                var identity = await calls.GetCallerIdentityAsync(existing.ToAwsCredentials(), cancellationToken).ConfigureAwait(false);
                if (!string.IsNullOrEmpty(identity.Account))
                {
                    Log.Notice("Pre-existing credentials are valid. No need to generate new ones.");
                    return new FlowResult { Source = CredentialSource.Existing, Account = identity.Account, Arn = identity.Arn };
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // Whatever went wrong, the existing credentials are not usable: get new ones, as upstream does.
                Log.Debug("Existing credentials were rejected: " + exception.Message);
            }
        }

        Log.Notice("No valid credentials exist. Running as normal.");
        return null;
    }

    private async Task<SourceCredentials> ResolveSourceAsync(CancellationToken cancellationToken)
    {
        if (!plan.ValidatesSourceCredentials)
        {
            // A web identity is the starting point itself: nothing is signed in before the assume call.
            return new SourceCredentials(null, null);
        }

        AWSCredentials credentials;
        if (plan.InputKeys is { } keys)
        {
            credentials = keys.ToSdkCredentials();
        }
        else
        {
            var ambientResult = await AmbientAsync(cancellationToken).ConfigureAwait(false);
            var found = ambientResult.Credentials ?? throw NoAmbientCredentials(ambientResult.Reason);
            Log.Debug("Using credentials from " + found.Provider);
            credentials = found.ToAwsCredentials();
        }

        var identity = await validateRetries.ExecuteAsync(
            token => calls.GetCallerIdentityAsync(credentials, token),
            cancellationToken).ConfigureAwait(false);
        return new SourceCredentials(credentials, identity);
    }

    /// <summary>
    /// The ambient chain, resolved once per run (upstream resolves it twice): the use-existing check and the
    /// source step would otherwise probe instance metadata, run a credential_process or assume a profile's
    /// role twice. A failure is kept too, so it is reported once.
    /// </summary>
    private Task<AmbientResult> AmbientAsync(CancellationToken cancellationToken) =>
        ambient ??= services.Ambient.TryResolveAsync(cancellationToken);

    /// <summary>The chain found nothing; <paramref name="tried"/> lists each provider and why it declined.</summary>
    private ActionError NoAmbientCredentials(string tried)
    {
        if (plan.OidcImpliedWithoutToken)
        {
            return new ActionError(
                "Could not get an OIDC token: ACTIONS_ID_TOKEN_REQUEST_URL and ACTIONS_ID_TOKEN_REQUEST_TOKEN are not set, and no other AWS credentials were found (" + tried + "). 'role-to-assume' without access keys means GitHub OIDC, which needs the `id-token: write` permission.",
                ErrorCode.OidcPermissionMissing);
        }

        return new ActionError(
            "Credentials could not be loaded, please check your action inputs: Could not load credentials from any providers (" + tried + ")",
            ErrorCode.NoCredentialsFound);
    }

    private async Task<AssumedRole> AssumeAsync(string roleArn, AWSCredentials? sourceCredentials, CancellationToken cancellationToken)
    {
        var (prefix, fallback) = plan.Method switch
        {
            AssumeMethod.WebIdentityOidc => ("Could not assume role with OIDC: ", ErrorCode.TrustPolicyMismatch),
            AssumeMethod.WebIdentityTokenFile => ("Could not assume role with web identity token file: ", ErrorCode.TrustPolicyMismatch),
            _ => ("Could not assume role with user credentials: ", ErrorCode.AssumeRoleDenied),
        };

        GitHubIdToken? githubToken = null;
        Secret? fileToken = null;
        try
        {
            switch (plan.Method)
            {
                case AssumeMethod.WebIdentityOidc:
                    githubToken = await FetchGitHubTokenAsync(cancellationToken).ConfigureAwait(false);
                    Log.Info("Assuming role with OIDC");
                    break;
                case AssumeMethod.WebIdentityTokenFile:
                    Log.Debug("webIdentityTokenFile provided. Will call sts:AssumeRoleWithWebIdentity and take session tags from token contents.");
                    fileToken = await WebIdentityTokenFile.ReadAsync(plan.WebIdentityTokenFile, services.Environment, Log, cancellationToken).ConfigureAwait(false);
                    Log.Info("Assuming role with web identity token file");
                    break;
                default:
                    Log.Info("Assuming role with user credentials");
                    LogTags();
                    break;
            }

            return await assumeRetries.ExecuteAsync(
                async token =>
                {
                    if (githubToken is not null && services.Time.GetUtcNow() - githubToken.FetchedAt > TokenRefreshAge)
                    {
                        // The token may expire before STS reads it; a fresh one costs one request.
                        githubToken = await services.GitHubTokens.GetIdTokenAsync(plan.Audience, token).ConfigureAwait(false);
                    }

                    var webIdentityToken = githubToken?.Value ?? fileToken;
                    var assumed = webIdentityToken is not null
                        ? await calls.AssumeRoleWithWebIdentityAsync(roleArn, webIdentityToken, token).ConfigureAwait(false)
                        : await calls.AssumeRoleAsync(roleArn, sourceCredentials!, token).ConfigureAwait(false);
                    RejectSpecialCharacters(assumed.Credentials);
                    return assumed;
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (SpecialCharactersException)
        {
            throw new ActionError(
                "Could not get credentials without special characters after " + services.Retrier.MaxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture) + " attempts (special-characters-workaround)",
                ErrorCode.NoCredentialsReturned);
        }
        catch (GitHubTokenException exception)
        {
            // A fresh token for a later attempt could not be fetched.
            throw TokenFetchFailed(exception);
        }
        catch (Exception exception) when (exception is not ActionError && !(exception is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            var error = StsFailures.Translate(prefix, exception, fallback);
            if (githubToken is not null && exception is AmazonServiceException)
            {
                TokenDiagnostics.Print(githubToken.Value, roleArn, plan.Audience, Log);
            }

            throw error;
        }
    }

    private async Task<GitHubIdToken> FetchGitHubTokenAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await tokenRetries.ExecuteAsync(
                token => services.GitHubTokens.GetIdTokenAsync(plan.Audience, token),
                cancellationToken).ConfigureAwait(false);
        }
        catch (GitHubTokenException exception)
        {
            throw TokenFetchFailed(exception);
        }
    }

    private static ActionError TokenFetchFailed(GitHubTokenException exception) =>
        new("getIDToken call failed: Error message: " + exception.Message, StsFailures.RefusedAnswerCode(exception) ?? ErrorCode.OidcTokenFetch, exception);

    private void RejectSpecialCharacters(IssuedCredentials credentials)
    {
        if (!plan.SpecialCharactersWorkaround)
        {
            return;
        }

        if (credentials.AccessKeyId.Reveal().AsSpan().ContainsAny(SpecialCharacters))
        {
            Log.Debug("AccessKeyId contains special characters.");
            throw new SpecialCharactersException();
        }

        if (credentials.SecretAccessKey.Reveal().AsSpan().ContainsAny(SpecialCharacters))
        {
            Log.Debug("SecretAccessKey contains special characters.");
            throw new SpecialCharactersException();
        }
    }

    private void LogTags()
    {
        var tags = plan.Session.Tagging.Tags;
        if (tags.Count == 0)
        {
            Log.Debug("Role session tagging has been skipped.");
            return;
        }

        Log.Debug(tags.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) + " role session tags are being used: " + string.Join(", ", tags.Select(tag => tag.Key + "=" + tag.Value)));
    }

    private void CheckAllowedAccount(string account)
    {
        if (plan.AllowedAccountIds.Count == 0)
        {
            return;
        }

        if (account.Length == 0 || !plan.AllowedAccountIds.Contains(account))
        {
            if (plan.MaskAccountId && account.Length > 0)
            {
                Log.AddMask(account);
            }

            throw new ActionError(
                "The account ID of the provided credentials (" + (account.Length > 0 ? account : "unknown") + ") does not match any of the expected account IDs: " + string.Join(", ", plan.AllowedAccountIds),
                ErrorCode.AccountNotAllowed);
        }
    }

    private sealed record SourceCredentials(AWSCredentials? Credentials, CallerIdentity? Identity);
}
