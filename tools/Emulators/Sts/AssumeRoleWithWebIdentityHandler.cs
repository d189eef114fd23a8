using System.Collections.Generic;
using System.Linq;

namespace Cac.Emulators.Sts;

/// <summary>sts:AssumeRoleWithWebIdentity: an anonymous call authorised by the token and the role's trust policy.</summary>
internal static class AssumeRoleWithWebIdentityHandler
{
    private const string NotAuthorized = "Not authorized to perform sts:AssumeRoleWithWebIdentity";

    public static byte[] Handle(StsCall call, StsBehavior behavior)
    {
        var parameters = call.Parameters;
        StsParameterValidator.ValidateAssumeRoleWithWebIdentity(parameters);
        var role = behavior.ResolveRole(call.Required("RoleArn"));
        var trust = role?.WebIdentity;

        // STS checks the token against the provider before it reads the role's trust policy.
        var claims = WebIdentityTokenVerifier.Verify(call.Required("WebIdentityToken"), behavior, trust?.AcceptUnverifiedTokens ?? false, call.Now);
        if (role is null || role.DenyAll || trust is null)
        {
            throw StsErrors.AccessDenied(NotAuthorized);
        }

        var audience = claims.Audiences.FirstOrDefault(aud => trust.Audiences.Any(pattern => StringLikePattern.Matches(pattern, aud)));
        if (!claims.IsOpaque)
        {
            if (audience is null)
            {
                throw StsErrors.InvalidIdentityToken("Incorrect token audience");
            }

            if (claims.Subject is null || !trust.SubjectPatterns.Any(pattern => StringLikePattern.Matches(pattern, claims.Subject)))
            {
                throw StsErrors.AccessDenied(NotAuthorized);
            }
        }

        var duration = StsParameterValidator.DurationSeconds(parameters);
        SessionIssuer.CheckDuration(role, duration, chained: false);
        var packedPercent = StsParameterValidator.PackedPolicyPercent(parameters, behavior.PackedSizeBudget);

        var session = SessionIssuer.Issue(behavior, role, call.Required("RoleSessionName"), duration, call.Now);
        var omitCredentials = SessionIssuer.TakeOmitCredentials(behavior, StsAction.AssumeRoleWithWebIdentity);
        return StsXmlWriter.Success(StsAction.AssumeRoleWithWebIdentity, call.RequestId, writer =>
        {
            if (!omitCredentials)
            {
                StsXmlWriter.Credentials(writer, session);
            }

            StsXmlWriter.OptionalElement(writer, "SubjectFromWebIdentityToken", claims.Subject ?? "unverified-subject");
            StsXmlWriter.AssumedRoleUser(writer, session);
            StsXmlWriter.OptionalElement(writer, "PackedPolicySize", packedPercent);
            StsXmlWriter.OptionalElement(writer, "Provider", Provider(claims, role, parameters));
            StsXmlWriter.OptionalElement(writer, "Audience", audience ?? trust.Audiences.FirstOrDefault());
        });
    }

    // For OIDC STS names the IAM OIDC provider resource, i.e. the issuer URL without its scheme.
    private static string Provider(WebIdentityClaims claims, StsRole role, IReadOnlyDictionary<string, string> parameters)
    {
        if (claims.Issuer is null)
        {
            return parameters.GetValueOrDefault("ProviderId") ?? "unverified";
        }

        var host = claims.Issuer.Replace("https://", string.Empty, System.StringComparison.Ordinal).TrimEnd('/');
        return $"arn:{Arns.Partition(role.Arn)}:iam::{Arns.Account(role.Arn)}:oidc-provider/{host}";
    }
}
