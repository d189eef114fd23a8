using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Cac.Analyzers.Internals;

/// <summary>The MSBuild options the rules read (made visible by build/Cac.Analyzers.props and the generator's props).</summary>
internal sealed class ActionOptions
{
    /// <summary>Variables that hold credentials or tokens whatever the project declares.</summary>
    public static readonly ImmutableArray<string> BuiltInSecretVariables = ImmutableArray.Create(
        "AWS_ACCESS_KEY_ID",
        "AWS_SECRET_ACCESS_KEY",
        "AWS_SESSION_TOKEN",
        "ACTIONS_ID_TOKEN_REQUEST_TOKEN",
        "ACTIONS_RUNTIME_TOKEN",
        "GITHUB_TOKEN");

    private static readonly char[] Separators = { ',', ' ', '\t', '\r', '\n' };

    private ActionOptions(ImmutableHashSet<string> secretVariables, ImmutableHashSet<string> secretOutputs)
    {
        SecretVariables = secretVariables;
        SecretOutputs = secretOutputs;
    }

    /// <summary>Environment variable names (compared ignoring case, as Windows does) that hold secrets.</summary>
    public ImmutableHashSet<string> SecretVariables { get; }

    /// <summary>Output names declared secret in <c>Cac_SecretOutputs</c>.</summary>
    public ImmutableHashSet<string> SecretOutputs { get; }

    public static ActionOptions Read(AnalyzerConfigOptions globalOptions)
    {
        globalOptions.TryGetValue("build_property.Cac_SecretVariables", out var variables);
        globalOptions.TryGetValue("build_property.Cac_SecretOutputs", out var outputs);
        return new ActionOptions(
            BuiltInSecretVariables.ToImmutableHashSet(StringComparer.OrdinalIgnoreCase).Union(Split(variables)),
            ImmutableHashSet.CreateRange(StringComparer.Ordinal, Split(outputs)));
    }

    private static string[] Split(string? list) =>
        (list ?? string.Empty).Split(Separators, StringSplitOptions.RemoveEmptyEntries);
}
