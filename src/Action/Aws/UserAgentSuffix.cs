using System.Collections.Generic;
using System.Text.RegularExpressions;
using Cac.Abstractions;

namespace Cac.Action.Aws;

/// <summary>
/// The tokens the upstream action adds to the SDK's User-Agent, so AWS-side logs can tell which workflow
/// run made a call. A variable with an unexpected shape is left out (it could inject header text), with
/// one warning per run rather than one per client as upstream.
/// </summary>
public static partial class UserAgentSuffix
{
    public const string ActionToken = "configure-aws-credentials-for-github-actions";

    public static string Build(IActionEnvironment environment, ICollection<string> warnings)
    {
        var tokens = new List<string> { ActionToken };
        Add(tokens, warnings, environment, "GITHUB_ACTION", "md/action#", ActionPattern());
        Add(tokens, warnings, environment, "GITHUB_RUN_ID", "md/run_id#", RunIdPattern());
        Add(tokens, warnings, environment, "GITHUB_RUN_ATTEMPT", "md/attempt#", AttemptPattern());
        if (string.IsNullOrEmpty(environment.GetVariable("AWS_EXECUTION_ENV")))
        {
            tokens.Add("exec-env/GitHubActions");
        }

        return string.Join(" ", tokens);
    }

    private static void Add(List<string> tokens, ICollection<string> warnings, IActionEnvironment environment, string variable, string prefix, Regex pattern)
    {
        var value = environment.GetVariable(variable);
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        if (pattern.IsMatch(value))
        {
            tokens.Add(prefix + value);
        }
        else
        {
            warnings.Add(variable + " has unexpected format; omitting from User-Agent");
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,128}$")]
    private static partial Regex ActionPattern();

    [GeneratedRegex("^[0-9]{1,20}$")]
    private static partial Regex RunIdPattern();

    [GeneratedRegex("^[0-9]{1,10}$")]
    private static partial Regex AttemptPattern();
}
