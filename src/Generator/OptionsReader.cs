using System;
using System.Linq;
using Cac.Generator.Model;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Cac.Generator;

/// <summary>Reads the generator's MSBuild properties (declared visible in build/Cac.Generator.props).</summary>
public static class OptionsReader
{
    private static readonly char[] SecretSeparators = { ',', ' ', '\t', '\r', '\n' };

    /// <summary>Namespace, secret inputs and secret outputs from the global analyzer options.</summary>
    public static GeneratorOptions Read(AnalyzerConfigOptions options)
    {
        options.TryGetValue("build_property.Cac_GeneratedNamespace", out var configured);
        options.TryGetValue("build_property.RootNamespace", out var rootNamespace);
        options.TryGetValue("build_property.Cac_SecretInputs", out var secretInputs);
        options.TryGetValue("build_property.Cac_SecretOutputs", out var secretOutputs);
        return new GeneratorOptions(
            ChooseNamespace(configured, rootNamespace),
            SplitNames(secretInputs),
            SplitNames(secretOutputs));
    }

    /// <summary>The first of the two that is a valid dotted C# name, else <see cref="GeneratorOptions.DefaultNamespace"/>.</summary>
    public static string ChooseNamespace(string? configured, string? rootNamespace) =>
        new[] { configured, rootNamespace }.Select(n => n?.Trim()).FirstOrDefault(IsValidNamespace)
        ?? GeneratorOptions.DefaultNamespace;

    /// <summary>Names separated by commas or white space (not <c>;</c>, which does not survive the options transport).</summary>
    public static EquatableArray<string> SplitNames(string? list) =>
        (list ?? string.Empty).Split(SecretSeparators, StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToEquatableArray();

    private static bool IsValidNamespace(string? name) =>
        !string.IsNullOrEmpty(name) &&
        name!.Split('.').All(part => SyntaxFacts.IsValidIdentifier(part) && SyntaxFacts.GetKeywordKind(part) == SyntaxKind.None);
}
