using System.Collections.Generic;
using Cac.Emulators.Runner;

namespace Cac.Bench;

/// <summary>The inputs of a benchmark run: the OIDC path with the emulator's demo role.</summary>
internal static class DemoInputs
{
    public static void Set(IDictionary<string, string> environment)
    {
        LocalAws.SetInput(environment, "role-to-assume", LocalAws.DemoRoleArn);
        LocalAws.SetInput(environment, "aws-region", "us-east-1");
        LocalAws.SetInput(environment, "audience", "sts.amazonaws.com");
    }
}
