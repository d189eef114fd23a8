using System.Globalization;
using System.Linq;
using Cac.Action.Runner;

namespace Cac.Action.Planning;

/// <summary>Prints the plan of a <c>dry-run</c>: everything decided from the inputs, nothing fetched.</summary>
public static class DryRun
{
    public static void Print(Plan plan, ActionLog log)
    {
        log.StartGroup("Dry run: what this step would do");
        log.Info("Credential source: " + plan.Source.ToOutputName());
        log.Info("STS call: " + plan.Method switch
        {
            AssumeMethod.WebIdentityOidc => "AssumeRoleWithWebIdentity with a GitHub OIDC token (audience " + plan.Audience + ")",
            AssumeMethod.WebIdentityTokenFile => "AssumeRoleWithWebIdentity with the token in " + plan.WebIdentityTokenFile,
            AssumeMethod.AssumeRole => "AssumeRole signed with the " + plan.Source.ToOutputName() + " credentials",
            _ => "none (GetCallerIdentity only)",
        });
        if (plan.Role is { } role)
        {
            log.Info("Role: " + role.Given);
            log.Info("Session name: " + plan.Session.Name);
            log.Info("Duration: " + plan.Session.DurationSeconds.ToString(CultureInfo.InvariantCulture) + " s");
        }

        log.Info("Region: " + plan.Region + " (partition " + plan.Partition + ")");
        log.Info("Endpoint: " + plan.Endpoint.Describe());
        log.Info("Proxy: " + plan.Proxy.Describe());
        var tagging = plan.Session.Tagging;
        log.Info("Session tags: " + (tagging.Tags.Count == 0 ? "none" : string.Join(", ", tagging.Tags.Select(tag => tag.Key + "=" + tag.Value))));
        if (tagging.TransitiveKeys.Count > 0)
        {
            log.Info("Transitive tag keys: " + string.Join(", ", tagging.TransitiveKeys));
        }

        log.Info("Retries: " + plan.Retry.Describe());
        log.Info("Exports environment variables: " + (plan.Exports.EnvironmentVariables ? "yes" : "no") + "; credential outputs: " + (plan.Exports.CredentialOutputs ? "yes" : "no"));
        if (plan.OidcImpliedWithoutToken)
        {
            log.Warning("OIDC is implied but ACTIONS_ID_TOKEN_REQUEST_URL/TOKEN are not set: the job needs `permissions: id-token: write`.");
        }

        log.EndGroup();
        log.Info("Dry run: stopped before any call to STS or GitHub; nothing was exported.");
    }
}
