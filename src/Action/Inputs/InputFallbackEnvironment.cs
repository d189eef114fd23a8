using System;
using System.Collections.Generic;
using Cac.Abstractions;

namespace Cac.Action.Inputs;

/// <summary>
/// The upstream action lets some inputs fall back to a same-named environment variable
/// (<c>AWS_REGION</c> for <c>aws-region</c>, ...): an explicit input wins, the variable fills an empty one.
/// This view applies that rule without touching the process environment. <c>HTTP_PROXY</c> and
/// <c>NO_PROXY</c> are left to the standard proxy resolution instead (decisions §2, fix 17).
/// </summary>
public sealed class InputFallbackEnvironment : IActionEnvironment
{
    private static readonly string[] FallbackVariables =
    [
        "AWS_REGION", "ROLE_TO_ASSUME", "WEB_IDENTITY_TOKEN_FILE", "ROLE_CHAINING", "AUDIENCE",
        "MASK_AWS_ACCOUNT_ID", "ROLE_DURATION_SECONDS", "ROLE_EXTERNAL_ID", "ROLE_SESSION_NAME",
        "ROLE_SKIP_SESSION_TAGGING", "TRANSITIVE_TAG_KEYS", "INLINE_SESSION_POLICY", "MANAGED_SESSION_POLICIES",
        "OUTPUT_CREDENTIALS", "UNSET_CURRENT_CREDENTIALS", "DISABLE_RETRY", "RETRY_MAX_ATTEMPTS",
        "SPECIAL_CHARACTERS_WORKAROUND", "USE_EXISTING_CREDENTIALS", "OVERWRITE_AWS_PROFILE",
    ];

    private static readonly Dictionary<string, string> FallbackByInputVariable = BuildMap();

    private readonly IActionEnvironment inner;

    public InputFallbackEnvironment(IActionEnvironment inner)
    {
        this.inner = inner;
    }

    public string? GetVariable(string name)
    {
        var value = inner.GetVariable(name);
        if (string.IsNullOrEmpty(value) && FallbackByInputVariable.TryGetValue(name, out var fallback))
        {
            var fallbackValue = inner.GetVariable(fallback);
            if (!string.IsNullOrEmpty(fallbackValue))
            {
                return fallbackValue;
            }
        }

        return value;
    }

    private static Dictionary<string, string> BuildMap()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var variable in FallbackVariables)
        {
            map["INPUT_" + variable.Replace('_', '-')] = variable;
        }

        return map;
    }
}
