using System.Globalization;
using System.Linq;
using Cac.Action.Inputs;
using Cac.Action.Runner;

namespace Cac.Action.Planning;

/// <summary>Prints the plan of a <c>dry-run</c>: everything decided from the inputs, nothing fetched.</summary>
public static class DryRun
{
    public static void Print(ValidatedInputs settings, Plan plan, ActionLog log)
    {
        log.StartGroup("Dry run: what this step would do");
        log.Info("Credential source: " + plan.Source.ToOutputName());
        log.Info("STS call: " + plan.Method switch
        {
            AssumeMethod.WebIdentityOidc => "AssumeRoleWithWebIdentity with a GitHub OIDC token (audience " + settings.Audience + ")",
            AssumeMethod.WebIdentityTokenFile => "AssumeRoleWithWebIdentity with the token in " + settings.WebIdentityTokenFile,
            AssumeMethod.AssumeRole => "AssumeRole signed with the " + plan.Source.ToOutputName() + " credentials",
            _ => "none (GetCallerIdentity only)",
        });
        if (settings.HasRole)
        {
            log.Info("Role: " + settings.RoleToAssume);
            log.Info("Session name: " + settings.SessionName);
            log.Info("Duration: " + settings.DurationSeconds.ToString(CultureInfo.InvariantCulture) + " s");
        }

        log.Info("Region: " + settings.Region + " (partition " + settings.Partition + ")");
        log.Info("Endpoint: " + plan.Endpoint.Describe());
        log.Info("Proxy: " + plan.Proxy.Describe());
        log.Info("Session tags: " + (plan.Tags.Count == 0 ? "none" : string.Join(", ", plan.Tags.Select(tag => tag.Key + "=" + tag.Value))));
        if (plan.TransitiveTagKeys.Count > 0)
        {
            log.Info("Transitive tag keys: " + string.Join(", ", plan.TransitiveTagKeys));
        }

        log.Info("Retries: " + (settings.DisableRetry ? "off" : settings.RetryMaxAttempts.ToString(CultureInfo.InvariantCulture) + " attempts for transient errors"));
        log.Info("Exports environment variables: " + (settings.OutputEnvCredentials ? "yes" : "no") + "; credential outputs: " + (settings.OutputCredentials ? "yes" : "no"));
        if (plan.OidcImpliedWithoutToken)
        {
            log.Warning("OIDC is implied but ACTIONS_ID_TOKEN_REQUEST_URL/TOKEN are not set: the job needs `permissions: id-token: write`.");
        }

        log.EndGroup();
        log.Info("Dry run: stopped before any call to STS or GitHub; nothing was exported.");
    }
}
