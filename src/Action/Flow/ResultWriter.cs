using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Cac.Abstractions;
using Cac.Action.Planning;
using Cac.Action.Profiles;
using Cac.Action.Toolkit;

namespace Cac.Action.Flow;

/// <summary>
/// Hands a successful run's result to the workflow, once, at the end: masks first, then environment
/// variables, outputs, state for the post step, and the job summary.
/// </summary>
public sealed class ResultWriter
{
    private readonly Settings.Settings settings;
    private readonly Plan plan;
    private readonly IFileCommands files;
    private readonly ActionLog log;
    private readonly IActionEnvironment environment;

    /// <param name="environment">The job's variables before this step: what exports replace, and what the post step restores.</param>
    public ResultWriter(Settings.Settings settings, Plan plan, IFileCommands files, ActionLog log, IActionEnvironment environment)
    {
        this.settings = settings;
        this.plan = plan;
        this.files = files;
        this.log = log;
        this.environment = environment;
    }

    /// <summary>
    /// The variables to export, in upstream's order. <paramref name="staleSessionToken"/> is whether the job
    /// already has an AWS_SESSION_TOKEN that new keys without a token must clear.
    /// </summary>
    public static List<KeyValuePair<string, string>> Exports(Settings.Settings settings, FlowResult result, bool staleSessionToken)
    {
        var exports = new List<KeyValuePair<string, string>>();
        if (!settings.OutputEnvCredentials)
        {
            return exports;
        }

        exports.Add(new(ExportNames.DefaultRegion, settings.Region));
        exports.Add(new(ExportNames.Region, settings.Region));
        if (result.Credentials is { } credentials)
        {
            exports.Add(new(ExportNames.AccessKeyId, credentials.AccessKeyId.Reveal()));
            exports.Add(new(ExportNames.SecretAccessKey, credentials.SecretAccessKey.Reveal()));
            if (!credentials.SessionToken.IsEmpty || staleSessionToken || settings.UnsetCurrentCredentials)
            {
                exports.Add(new(ExportNames.SessionToken, credentials.SessionToken.Reveal()));
            }
        }
        else if (settings.UnsetCurrentCredentials)
        {
            exports.Add(new(ExportNames.AccessKeyId, string.Empty));
            exports.Add(new(ExportNames.SecretAccessKey, string.Empty));
            exports.Add(new(ExportNames.SessionToken, string.Empty));
        }

        // A profile is written only with new credentials; AWS_PROFILE never names one that was not written.
        if (settings.AwsProfile.Length > 0 && result.Credentials is not null)
        {
            exports.Add(new(ExportNames.Profile, settings.AwsProfile));
        }

        return exports;
    }

    /// <param name="result">The successful run's result.</param>
    /// <param name="summaryAvailable">Whether the runner gave a job summary file (local runs may not).</param>
    public void Write(FlowResult result, bool summaryAvailable)
    {
        var staleSessionToken = !string.IsNullOrEmpty(environment.GetVariable(ExportNames.SessionToken));
        var showAccount = result.Account.Length > 0
            && (settings.OutputEnvCredentials || (result.Source == CredentialSource.Ambient && !settings.HasRole));
        if (showAccount && settings.MaskAccountId)
        {
            log.AddMask(result.Account);
            log.AddMask(result.Arn);
        }

        // The profile files come first: they are the one write that can still fail on the user's files,
        // and a failure there must leave nothing exported.
        var createdProfile = WriteProfile(result);
        var exports = Exports(settings, result, staleSessionToken);
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

        if (settings.OutputCredentials && result.Credentials is { } credentials)
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

        outputs.SetAwsPartition(settings.Partition);
        outputs.SetCredentialSource(result.Source.ToOutputName());

        if (settings.Cleanup && exportedNames.Count > 0)
        {
            SaveRestoreState(exportedNames);
        }

        if (settings.Cleanup && createdProfile is not null)
        {
            files.SaveState(ExportNames.CreatedProfileState, createdProfile);
        }

        if (settings.JobSummary && summaryAvailable)
        {
            files.AppendStepSummary(Summary(result));
        }
    }

    /// <summary>Writes the <c>aws-profile</c> files; returns the profile's name when this run created it.</summary>
    private string? WriteProfile(FlowResult result)
    {
        if (settings.AwsProfile.Length == 0)
        {
            return null;
        }

        if (result.Credentials is not { } credentials)
        {
            log.Warning("'aws-profile' is ignored: this run hands out no new credentials (ambient credentials without a role), so there is no profile to write.");
            return null;
        }

        var written = new ProfileWriter(environment, log).Write(
            settings.AwsProfile, settings.Region, credentials.AccessKeyId.Reveal(), credentials.SecretAccessKey.Reveal(),
            credentials.SessionToken.Reveal(), settings.OverwriteAwsProfile);
        return written.ReplacedExisting ? null : settings.AwsProfile;
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
        var account = settings.MaskAccountId ? "(masked)" : result.Account;
        var identity = settings.MaskAccountId ? "(masked)" : result.Arn;
        var builder = new StringBuilder();
        builder.Append("### AWS credentials configured\n\n");
        builder.Append("| | |\n|---|---|\n");
        Row(builder, "Identity", identity);
        Row(builder, "Account", account);
        Row(builder, "Credential source", result.Source.ToOutputName());
        Row(builder, "Expires", result.Credentials?.Expiration is { } expiration ? FormatExpiration(expiration) : "");
        Row(builder, "Region", settings.Region);
        Row(builder, "STS endpoint", plan.Endpoint.Describe());
        Row(builder, "Session tags", plan.Method == AssumeMethod.AssumeRole && plan.Tags.Count > 0
            ? string.Join(", ", System.Linq.Enumerable.Select(plan.Tags, tag => tag.Key))
            : "none");
        return builder.ToString();
    }

    private static void Row(StringBuilder builder, string name, string value) =>
        builder.Append("| ").Append(name).Append(" | ").Append(value.Length == 0 ? "-" : value.Replace("|", "\\|", System.StringComparison.Ordinal)).Append(" |\n");
}
