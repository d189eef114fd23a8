using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using Cac.Abstractions;
using Cac.Action.Credentials;
using Cac.Action.Errors;
using Cac.Action.FileSystem;
using Cac.Action.Generated;
using Cac.Action.Planning;
using Cac.Action.Profiles;
using Cac.Action.Runner;

namespace Cac.Action.Results;

/// <summary>
/// Hands a successful run's result to the workflow, once, at the end, all or nothing: masks first, then
/// every file is prepared and checked, then the state for the post step, the job summary, the profile
/// files, the outputs and the environment variables are written, each file's block in one write, and a
/// failure on any of them takes back the ones before it. See docs/file-safety.md.
/// </summary>
public sealed class ResultWriter
{
    private readonly Plan plan;
    private readonly IFileCommands files;
    private readonly ActionLog log;
    private readonly IActionEnvironment environment;

    /// <param name="environment">The job's variables before this step: what exports replace, and what the post step restores.</param>
    public ResultWriter(Plan plan, IFileCommands files, ActionLog log, IActionEnvironment environment)
    {
        this.plan = plan;
        this.files = files;
        this.log = log;
        this.environment = environment;
    }

    /// <summary>
    /// The variables to export, in upstream's order. <paramref name="staleSessionToken"/> is whether the job
    /// already has an AWS_SESSION_TOKEN that new keys without a token must clear.
    /// </summary>
    public static List<KeyValuePair<string, string>> Exports(Plan plan, FlowResult result, bool staleSessionToken)
    {
        var exports = new List<KeyValuePair<string, string>>();
        if (!plan.Exports.EnvironmentVariables)
        {
            return exports;
        }

        exports.Add(new(ExportNames.DefaultRegion, plan.Region));
        exports.Add(new(ExportNames.Region, plan.Region));
        if (result.Credentials is { } credentials)
        {
            exports.Add(new(ExportNames.AccessKeyId, credentials.AccessKeyId.Reveal()));
            exports.Add(new(ExportNames.SecretAccessKey, credentials.SecretAccessKey.Reveal()));
            if (!credentials.SessionToken.IsEmpty || staleSessionToken || plan.UnsetCurrentCredentials)
            {
                exports.Add(new(ExportNames.SessionToken, credentials.SessionToken.Reveal()));
            }
        }
        else if (plan.UnsetCurrentCredentials)
        {
            exports.Add(new(ExportNames.AccessKeyId, string.Empty));
            exports.Add(new(ExportNames.SecretAccessKey, string.Empty));
            exports.Add(new(ExportNames.SessionToken, string.Empty));
        }

        // A profile is written only with new credentials; AWS_PROFILE never names one that was not written.
        if (plan.Exports.Profile.Length > 0 && result.Credentials is not null)
        {
            exports.Add(new(ExportNames.Profile, plan.Exports.Profile));
        }

        return exports;
    }

    /// <param name="result">The successful run's result.</param>
    /// <param name="summaryAvailable">Whether the runner gave a job summary file (local runs may not).</param>
    public void Write(FlowResult result, bool summaryAvailable)
    {
        var staleSessionToken = !string.IsNullOrEmpty(environment.GetVariable(ExportNames.SessionToken));
        var showAccount = result.Account.Length > 0
            && (plan.Exports.EnvironmentVariables || (result.Source == CredentialSource.Ambient && plan.Role is null));
        if (showAccount && plan.MaskAccountId)
        {
            log.AddMask(result.Account);
            log.AddMask(result.Arn);
        }

        // Everything is prepared before anything is visible: the profile files are read, checked and
        // their new contents written aside (holding their lock), every block of every command file is
        // rendered and each file opened and checked.
        using var profile = PrepareProfile(result);
        var exports = Exports(plan, result, staleSessionToken);
        var exportedNames = new List<string>();
        foreach (var (name, value) in exports)
        {
            files.ExportVariable(name, value);
            exportedNames.Add(name);
        }

        var outputs = new ActionOutputs(new OutputSink(files), log);
        if (showAccount)
        {
            outputs.SetAwsAccountId(result.Account);
            outputs.SetAuthenticatedArn(result.Arn);
        }

        if (plan.Exports.CredentialOutputs && result.Credentials is { } credentials)
        {
            outputs.SetAwsAccessKeyId(credentials.AccessKeyId);
            outputs.SetAwsSecretAccessKey(credentials.SecretAccessKey);
            if (!credentials.SessionToken.IsEmpty)
            {
                outputs.SetAwsSessionToken(credentials.SessionToken);
            }

            if (credentials.Expiration is { } expiration)
            {
                outputs.SetAwsExpiration(FormatExpiration(expiration));
            }
        }

        if (result.AssumedRoleId.Length > 0)
        {
            outputs.SetAssumedRoleId(result.AssumedRoleId);
            outputs.SetRoleSessionName(result.SessionName);
        }

        outputs.SetAwsPartition(plan.Partition);
        outputs.SetCredentialSource(result.Source.ToOutputName());

        if (plan.Exports.Cleanup && exportedNames.Count > 0)
        {
            SaveRestoreState(exportedNames);
        }

        if (plan.Exports.Cleanup && profile?.CreatedProfile is { } createdProfile)
        {
            files.SaveState(ExportNames.CreatedProfileState, createdProfile);
        }

        var kept = plan.Exports.Cleanup && profile?.Replaced is { } replaced ? KeepReplaced(replaced) : null;

        if (plan.Exports.JobSummary && summaryAvailable)
        {
            files.AppendStepSummary(Summary(result));
        }

        // Then the writes, in this order: the state first, so that if the process dies part-way the post
        // step still knows what to clean up; what hands out credentials last, GITHUB_ENV the very last.
        // A failure rolls back every write before it (see AllOrNothing), and drops the kept sections.
        try
        {
            using var prepared = files.Prepare();
            AllOrNothing.Commit([prepared.State, prepared.StepSummary, profile, prepared.Outputs, prepared.Environment]);
        }
        catch when (kept is not null)
        {
            SafeFiles.TryDelete(kept);
            throw;
        }
    }

    /// <summary>
    /// Keeps the sections an overwrite replaces in a 0600 file under RUNNER_TEMP, named in the state, so the
    /// post step can put them back; without RUNNER_TEMP (not a runner) the new profile simply stays.
    /// </summary>
    private string? KeepReplaced(ReplacedProfile replaced)
    {
        var directory = environment.GetVariable("RUNNER_TEMP");
        if (string.IsNullOrEmpty(directory))
        {
            log.Warning("RUNNER_TEMP is not set: the post step cannot put back the profile '" + replaced.ProfileName + "' this run overwrites.");
            return null;
        }

        string path;
        try
        {
            path = replaced.Save(directory);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new ActionError("Failed to keep AWS profile '" + replaced.ProfileName + "' for the post step: " + exception.Message, ErrorCode.ProfileFiles, exception);
        }

        files.SaveState(ExportNames.ReplacedProfileState, path);
        return path;
    }

    /// <summary>Stages the <c>aws-profile</c> files, or returns <c>null</c> when there is no profile to write.</summary>
    private StagedProfileWrite? PrepareProfile(FlowResult result)
    {
        if (plan.Exports.Profile.Length == 0)
        {
            return null;
        }

        if (result.Credentials is not { } credentials)
        {
            log.Warning("'aws-profile' is ignored: this run hands out no new credentials (ambient credentials without a role), so there is no profile to write.");
            return null;
        }

        return new ProfileWriter(environment, log).Prepare(
            plan.Exports.Profile, plan.Region, credentials.AccessKeyId, credentials.SecretAccessKey, credentials.SessionToken,
            plan.Exports.OverwriteProfile);
    }

    /// <summary>What the post step needs to put the job's variables back as they were before this step.</summary>
    private void SaveRestoreState(List<string> exportedNames)
    {
        files.SaveState(ExportNames.ExportedState, string.Join(",", exportedNames));
        foreach (var name in exportedNames)
        {
            var previous = environment.GetVariable(name);
            if (!string.IsNullOrEmpty(previous))
            {
                files.SaveState(ExportNames.PreviousValueState(name), previous);
            }
        }
    }

    public static string FormatExpiration(System.DateTimeOffset expiration) =>
        expiration.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private string Summary(FlowResult result)
    {
        var summary = new JobSummary("AWS credentials configured");
        if (plan.MaskAccountId)
        {
            summary.PlainRow("Identity", "(masked)").PlainRow("Account", "(masked)");
        }
        else
        {
            summary.Row("Identity", result.Arn).Row("Account", result.Account);
        }

        summary
            .Row("Credential source", result.Source.ToOutputName())
            .Row("Expires", result.Credentials?.Expiration is { } expiration ? FormatExpiration(expiration) : "")
            .Row("Region", plan.Region)
            .Row("STS endpoint", plan.Endpoint.Describe());
        var tags = plan.Session.Tagging.Tags;
        return tags.Count > 0
            ? summary.Row("Session tags", string.Join(", ", System.Linq.Enumerable.Select(tags, tag => tag.Key))).ToString()
            : summary.PlainRow("Session tags", "none").ToString();
    }
}
