using System;
using System.Collections.Generic;
using System.Linq;
using Cac.Abstractions;

namespace Cac.Action.Tags;

/// <summary>
/// Builds the session tags the upstream action sends with AssumeRole: <c>GitHub=Actions</c>, then the
/// non-droppable and droppable tags taken from GITHUB_* variables, then the custom tags.
/// </summary>
public static class SessionTagBuilder
{
    public const int MaxTags = 50;

    /// <summary>Tags dropped, in one extra attempt, when STS answers PackedPolicyTooLarge.</summary>
    public static readonly IReadOnlyList<string> DroppableKeys =
        ["EventName", "BaseRef", "HeadRef", "RunId", "Job", "TriggeringActor"];

    private static readonly (string Key, string Variable)[] NonDroppable =
    [
        ("Repository", "GITHUB_REPOSITORY"),
        ("Workflow", "GITHUB_WORKFLOW"),
        ("Action", "GITHUB_ACTION"),
        ("Actor", "GITHUB_ACTOR"),
        ("Commit", "GITHUB_SHA"),
        ("Branch", "GITHUB_REF"),
    ];

    private static readonly (string Key, string Variable)[] Droppable =
    [
        ("EventName", "GITHUB_EVENT_NAME"),
        ("BaseRef", "GITHUB_BASE_REF"),
        ("HeadRef", "GITHUB_HEAD_REF"),
        ("RunId", "GITHUB_RUN_ID"),
        ("Job", "GITHUB_JOB"),
        ("TriggeringActor", "GITHUB_TRIGGERING_ACTOR"),
    ];

    /// <summary>Every key custom tags may not use (compared without case, as STS compares tag keys).</summary>
    public static readonly IReadOnlyList<string> ProtectedKeys =
        ["GitHub", "Repository", "Workflow", "Action", "Actor", "Commit", "Branch", "EventName", "BaseRef", "HeadRef", "RunId", "Job", "TriggeringActor"];

    /// <summary>The variables STS role tagging relies on; all must be set for any assume call (upstream check).</summary>
    public static readonly IReadOnlyList<string> RequiredVariables =
        ["GITHUB_REPOSITORY", "GITHUB_WORKFLOW", "GITHUB_ACTION", "GITHUB_ACTOR", "GITHUB_SHA", "GITHUB_WORKSPACE"];

    public static List<SessionTag> BuiltIn(IActionEnvironment environment)
    {
        var tags = new List<SessionTag> { new("GitHub", "Actions") };
        AddFromEnvironment(tags, NonDroppable, environment);
        AddFromEnvironment(tags, Droppable, environment);
        return tags;
    }

    public static bool IsProtected(string key)
    {
        foreach (var protectedKey in ProtectedKeys)
        {
            if (string.Equals(protectedKey, key, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    public static bool IsDroppable(string key) => DroppableKeys.Contains(key);

    private static void AddFromEnvironment(List<SessionTag> tags, (string Key, string Variable)[] sources, IActionEnvironment environment)
    {
        foreach (var (key, variable) in sources)
        {
            var value = environment.GetVariable(variable);
            if (!string.IsNullOrEmpty(value))
            {
                tags.Add(new SessionTag(key, TagCharacters.Sanitize(value)));
            }
        }
    }
}
