using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Cac.Action.Planning;
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

    public ResultWriter(Settings.Settings settings, Plan plan, IFileCommands files, ActionLog log)
    {
        this.settings = settings;
        this.plan = plan;
        this.files = files;
        this.log = log;
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

        if (settings.AwsProfile.Length > 0)
        {
            exports.Add(new(ExportNames.Profile, settings.AwsProfile));
        }

        return exports;
    }

    /// <param name="result">The successful run's result.</param>
    /// <param name="staleSessionToken">Whether the job already has an AWS_SESSION_TOKEN that must be cleared.</param>
    /// <param name="summaryAvailable">Whether the runner gave a job summary file (local runs may not).</param>
    public void Write(FlowResult result, bool staleSessionToken, bool summaryAvailable)
    {
        var showAccount = result.Account.Length > 0
            && (settings.OutputEnvCredentials || (result.Source == CredentialSource.Ambient && !settings.HasRole));
        if (showAccount && settings.MaskAccountId)
        {
            log.AddMask(result.Account);
            log.AddMask(result.Arn);
        }

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
            files.SaveState(ExportNames.ExportedState, string.Join(",", exportedNames));
        }

        if (settings.JobSummary && summaryAvailable)
        {
            files.AppendStepSummary(Summary(result));
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
