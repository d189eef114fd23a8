using System.Collections.Generic;
using System.Linq;

namespace Cac.Emulators.Sts;

/// <summary>sts:AssumeRole for a SigV4-authenticated caller, including role chaining.</summary>
internal static class AssumeRoleHandler
{
    public static byte[] Handle(StsCall call, StsBehavior behavior)
    {
        var parameters = call.Parameters;
        StsParameterValidator.ValidateAssumeRole(parameters);
        var caller = call.Caller!;
        var roleArn = call.Required("RoleArn");
        var role = behavior.ResolveRole(roleArn);

        if (role is null || role.DenyAll || !IsTrusted(role, caller)
            || (role.RequiredExternalId is not null && role.RequiredExternalId != parameters.GetValueOrDefault("ExternalId")))
        {
            throw StsErrors.AccessDenied($"User: {caller.PrincipalArn} is not authorized to perform: sts:AssumeRole on resource: {roleArn}");
        }

        CheckMfa(role, caller, roleArn, parameters, behavior);
        var duration = StsParameterValidator.DurationSeconds(parameters);
        SessionIssuer.CheckDuration(role, duration, chained: caller.IsSession);
        var packedPercent = StsParameterValidator.PackedPolicyPercent(parameters, behavior.PackedSizeBudget);

        var session = SessionIssuer.Issue(behavior, role, call.Required("RoleSessionName"), duration, call.Now);
        var omitCredentials = SessionIssuer.TakeOmitCredentials(behavior, StsAction.AssumeRole);
        return StsXmlWriter.Success(StsAction.AssumeRole, call.RequestId, writer =>
        {
            if (!omitCredentials)
            {
                StsXmlWriter.Credentials(writer, session);
            }

            StsXmlWriter.AssumedRoleUser(writer, session);
            StsXmlWriter.OptionalElement(writer, "PackedPolicySize", packedPercent);
            StsXmlWriter.OptionalElement(writer, "SourceIdentity", parameters.GetValueOrDefault("SourceIdentity"));
        });
    }

    /// <summary>STS's MFA answers: both values or neither, a code the device shows, and a role that asks for MFA gets it.</summary>
    private static void CheckMfa(StsRole role, KnownAccessKey caller, string roleArn, IReadOnlyDictionary<string, string> parameters, StsBehavior behavior)
    {
        var serialNumber = parameters.GetValueOrDefault("SerialNumber");
        var tokenCode = parameters.GetValueOrDefault("TokenCode");
        if ((serialNumber is null) != (tokenCode is null))
        {
            throw StsErrors.AccessDenied("MultiFactorAuthentication failed, must provide both MFA serial number and one time pass code.");
        }

        if (serialNumber is not null && !behavior.IsCurrentMfaCode(serialNumber, tokenCode!))
        {
            throw StsErrors.AccessDenied("MultiFactorAuthentication failed with invalid MFA one time pass code.");
        }

        if (role.RequiresMfa && serialNumber is null)
        {
            throw StsErrors.AccessDenied($"User: {caller.PrincipalArn} is not authorized to perform: sts:AssumeRole on resource: {roleArn}");
        }
    }

    private static bool IsTrusted(StsRole role, KnownAccessKey caller)
    {
        IEnumerable<string> names = [caller.AccessKeyId, caller.PrincipalArn];
        if (caller.SourceRoleArn is not null)
        {
            names = names.Append(caller.SourceRoleArn);
        }

        return role.AllowedCallers.Any(pattern => names.Any(name => StringLikePattern.Matches(pattern, name)));
    }
}
