using System;
using System.Linq;
using System.Reflection;

namespace Cac.Analyzers;

/// <summary>
/// The one registry of the analyzers' rule IDs. CAC1xxx belongs to the generator; CAC2xxx are secrets,
/// CAC3xxx the action contract. An ID never changes meaning and is never reused. Pages: docs/rules/{ID}.md.
/// </summary>
public static class RuleIdentifiers
{
    /// <summary>A secret reaches a log line, an exception message or the job summary.</summary>
    public const string SecretReachesLog = "CAC2001";

    /// <summary>A secret is written to an output or exported variable that is not declared secret.</summary>
    public const string SecretToPlainOutput = "CAC2002";

    /// <summary>An AWS access key ID in a literal or constant.</summary>
    public const string AwsAccessKeyLiteral = "CAC2003";

    /// <summary>An <c>INPUT_*</c> variable read by hand instead of through the generated inputs.</summary>
    public const string InputReadByHand = "CAC3001";

    /// <summary>A direct write to the process's standard output or error.</summary>
    public const string DirectConsoleWrite = "CAC3002";

    /// <summary>A workflow command (<c>::name::</c>) written by hand.</summary>
    public const string HandWrittenWorkflowCommand = "CAC3003";

    private static readonly string HelpBase = typeof(RuleIdentifiers).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .FirstOrDefault(a => string.Equals(a.Key, "Cac.RulesHelpBase", StringComparison.Ordinal))?.Value ?? string.Empty;

    /// <summary>The rule's page: the repository's <c>docs/rules/{id}.md</c> (base set by CacRulesHelpBase in Directory.Build.props).</summary>
    public static string GetHelpUri(string id) => HelpBase + id + ".md";
}
