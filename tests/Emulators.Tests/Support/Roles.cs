using Cac.Emulators;

namespace Cac.Emulators.Tests.Support;

internal static class Roles
{
    /// <summary>Registers <see cref="StsClients.RoleArn"/> trusting the test user and GitHub tokens of octo-org/octo-repo.</summary>
    public static StsRole RegisterDeployRole(StsEmulator emulator, System.Func<StsRole, StsRole>? adjust = null)
    {
        var role = new StsRole(StsClients.RoleArn)
        {
            AllowedCallers = [StsClients.UserArn],
            WebIdentity = new WebIdentityTrust
            {
                Audiences = ["sts.amazonaws.com"],
                SubjectPatterns = ["repo:octo-org/octo-repo:*"],
            },
        };
        role = adjust is null ? role : adjust(role);
        emulator.Behavior.RegisterRole(role);
        return role;
    }
}
