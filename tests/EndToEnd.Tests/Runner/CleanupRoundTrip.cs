using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Cac.Emulators.Runner;

namespace Cac.EndToEnd.Tests.Runner;

/// <summary>
/// One OIDC main step and its post step in a job that already had a region set: the main step exports
/// credentials, region and profile, writes a profile, and saves state under hyphenated names
/// (<c>exported-variables</c>, <c>previous-AWS_REGION</c>, <c>created-profile</c>); the post step must get
/// that state and put the job back as it was. Shared by the launcher and container tests.
/// </summary>
internal static class CleanupRoundTrip
{
    public const string PreviousRegion = "eu-west-1";
    public const string Profile = "deploy";

    public static readonly IReadOnlyDictionary<string, string> With = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["role-to-assume"] = LocalAws.DemoRoleArn,
        ["aws-region"] = "us-east-1",
        ["aws-profile"] = Profile,
        ["output-env-credentials"] = "true",
    };

    private static readonly string[] SecretVariables = ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"];

    /// <summary>The job's env before the action: a region from an earlier step or the workflow.</summary>
    public static void Prepare(RunnerJob job)
    {
        job.Env["AWS_REGION"] = PreviousRegion;
        job.Env["AWS_DEFAULT_REGION"] = PreviousRegion;
    }

    /// <param name="home">HOME as the action saw it, on the host (the runner user's, or RUNNER_TEMP/_github_home in a container).</param>
    public static void ExpectMain(ActionRunResult main, string home)
    {
        Expect.Succeeded(main);
        var exports = main.FinalExports;
        Assert.StartsWith("ASIA", exports["AWS_ACCESS_KEY_ID"], StringComparison.Ordinal);
        Assert.NotEmpty(exports["AWS_SECRET_ACCESS_KEY"]);
        Assert.NotEmpty(exports["AWS_SESSION_TOKEN"]);
        Assert.Equal("us-east-1", exports["AWS_REGION"]);
        Assert.Equal("us-east-1", exports["AWS_DEFAULT_REGION"]);
        Assert.Equal(Profile, exports["AWS_PROFILE"]);
        Assert.Equal("111111111111", main.FinalOutputs["aws-account-id"]);
        Assert.Equal("oidc", main.FinalOutputs["credential-source"]);
        Expect.SecretsMaskedFirst(main, SecretVariables);
        Assert.Contains("[" + Profile + "]", File.ReadAllText(Path.Combine(home, ".aws", "credentials")), StringComparison.Ordinal);
        var state = new Dictionary<string, string>(main.State);
        Assert.Equal(Profile, state["created-profile"]);
        Assert.Contains("AWS_REGION", state["exported-variables"], StringComparison.Ordinal);
        Assert.Equal(PreviousRegion, state["previous-AWS_REGION"]);
    }

    /// <summary>The post step restored the region, cleared the credentials and removed the profile it created.</summary>
    public static void ExpectPost(ActionRunResult post, string home)
    {
        Expect.Succeeded(post);
        Assert.DoesNotContain("Nothing to clean up", post.StandardOutput, StringComparison.Ordinal);
        var exports = post.FinalExports;
        Assert.Equal(PreviousRegion, exports.GetValueOrDefault("AWS_REGION"));
        Assert.Equal(PreviousRegion, exports.GetValueOrDefault("AWS_DEFAULT_REGION"));
        foreach (var name in SecretVariables.Append("AWS_PROFILE"))
        {
            Assert.Equal(string.Empty, exports.GetValueOrDefault(name));
        }

        Assert.DoesNotContain("[" + Profile + "]", File.ReadAllText(Path.Combine(home, ".aws", "credentials")), StringComparison.Ordinal);
    }
}
