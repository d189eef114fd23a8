using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Reflection;
using Cac.Generator.Model;
using Microsoft.CodeAnalysis;

namespace Cac.Generator.Diagnostics;

/// <summary>Every diagnostic the generator reports. Pages: docs/rules/{ID}.md.</summary>
public static class GeneratorDiagnostics
{
    private const string Category = "ActionMetadata";

    /// <summary>docs/rules/ in the repository, from CacRulesHelpBase in Directory.Build.props (assembly metadata).</summary>
    private static readonly string HelpBase = typeof(GeneratorDiagnostics).Assembly
        .GetCustomAttributes(typeof(AssemblyMetadataAttribute), inherit: false)
        .OfType<AssemblyMetadataAttribute>()
        .FirstOrDefault(a => a.Key == "Cac.RulesHelpBase")?.Value ?? string.Empty;

    /// <summary>CAC1001: no action.yml among the AdditionalFiles.</summary>
    public static readonly DiagnosticDescriptor ActionMetadataMissing = new(
        "CAC1001",
        "No action.yml among the AdditionalFiles",
        "No action.yml or action.yaml is registered as an AdditionalFile, so ActionInputs, ActionOutputs and ActionDocs are not generated",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink("CAC1001"));

    /// <summary>CAC1002: the YAML cannot be read.</summary>
    public static readonly DiagnosticDescriptor InvalidYaml = new(
        "CAC1002",
        "The YAML file cannot be read",
        "{0} is not valid YAML: {1}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink("CAC1002"));

    /// <summary>CAC1003: a name appears twice in one mapping.</summary>
    public static readonly DiagnosticDescriptor DuplicateKey = new(
        "CAC1003",
        "Duplicate key",
        "'{0}' is declared more than once in the same mapping",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink("CAC1003"));

    /// <summary>CAC1004: two names become the same C# identifier or environment variable.</summary>
    public static readonly DiagnosticDescriptor NameCollision = new(
        "CAC1004",
        "Names collide after conversion",
        "{0} '{1}' becomes {2} '{3}', which is already used by {4}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink("CAC1004"));

    /// <summary>CAC1005: action-types.yml types something action.yml does not declare.</summary>
    public static readonly DiagnosticDescriptor TypingForUnknownName = new(
        "CAC1005",
        "Typing for an undeclared input or output",
        "action-types.yml declares a type for {0} '{1}', which action.yml does not declare; the typing is ignored",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink("CAC1005"));

    /// <summary>CAC1006: a typing is unknown or incomplete.</summary>
    public static readonly DiagnosticDescriptor InvalidTyping = new(
        "CAC1006",
        "Invalid typing",
        "The typing of '{0}' is invalid: {1}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink("CAC1006"));

    /// <summary>CAC1007: a default that its input's type does not accept.</summary>
    public static readonly DiagnosticDescriptor InvalidDefault = new(
        "CAC1007",
        "Default does not match the input's type",
        "The default '{0}' of input '{1}' is not a valid {2}{3}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink("CAC1007"));

    /// <summary>CAC1008: a secret list names something that does not exist.</summary>
    public static readonly DiagnosticDescriptor UnknownSecretName = new(
        "CAC1008",
        "Secret list names an undeclared input or output",
        "{0} names '{1}', which is not an {2} in action.yml",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink("CAC1008"));

    /// <summary>CAC1009: a name without a single letter or digit.</summary>
    public static readonly DiagnosticDescriptor NameNotConvertible = new(
        "CAC1009",
        "Name cannot become a C# identifier",
        "{0} '{1}' has no letter or digit, so it cannot become a C# identifier",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink("CAC1009"));

    /// <summary>CAC1010: the YAML is valid but not shaped like action metadata.</summary>
    public static readonly DiagnosticDescriptor UnexpectedStructure = new(
        "CAC1010",
        "Unexpected structure",
        "{0}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink("CAC1010"));

    /// <summary>CAC1011: a secret input typed as something other than a string.</summary>
    public static readonly DiagnosticDescriptor SecretMustBeString = new(
        "CAC1011",
        "Secret input must be a string",
        "Input '{0}' is listed in Cac_SecretInputs but typed as {1}; secrets are loaded as text only",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink("CAC1011"));

    /// <summary>CAC1012: more than one action.yml among the AdditionalFiles.</summary>
    public static readonly DiagnosticDescriptor MultipleActionMetadata = new(
        "CAC1012",
        "More than one action.yml",
        "More than one action metadata file is registered; '{0}' is used and '{1}' is ignored",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink("CAC1012"));

    /// <summary>CAC1013: a name that would hide a member of the generated class gets a suffix.</summary>
    public static readonly DiagnosticDescriptor MemberRenamed = new(
        "CAC1013",
        "Member renamed to avoid a generated member",
        "{0} '{1}' would become '{2}', which {3} already defines; it is generated as '{4}'",
        Category,
        DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink("CAC1013"));

    /// <summary>CAC1014: action-fallbacks.yml names an input action.yml does not declare.</summary>
    public static readonly DiagnosticDescriptor FallbackForUnknownInput = new(
        "CAC1014",
        "Fallback for an undeclared input",
        "action-fallbacks.yml declares a fallback for input '{0}', which action.yml does not declare; the fallback is ignored",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink("CAC1014"));

    /// <summary>CAC1015: two inputs fall back to the same variable.</summary>
    public static readonly DiagnosticDescriptor DuplicateFallbackVariable = new(
        "CAC1015",
        "Two inputs fall back to one variable",
        "Input '{0}' falls back to '{1}', which is already the fallback of input '{2}'",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink("CAC1015"));

    /// <summary>CAC1016: a fallback entry that does not name a usable variable.</summary>
    public static readonly DiagnosticDescriptor InvalidFallback = new(
        "CAC1016",
        "Invalid fallback",
        "The fallback of input '{0}' is invalid: {1}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink("CAC1016"));

    /// <summary>All descriptors, by ID.</summary>
    public static ImmutableDictionary<string, DiagnosticDescriptor> All { get; } = new[]
    {
        ActionMetadataMissing, InvalidYaml, DuplicateKey, NameCollision, TypingForUnknownName, InvalidTyping,
        InvalidDefault, UnknownSecretName, NameNotConvertible, UnexpectedStructure, SecretMustBeString,
        MultipleActionMetadata, MemberRenamed, FallbackForUnknownInput, DuplicateFallbackVariable, InvalidFallback,
    }.ToImmutableDictionary(d => d.Id);

    /// <summary>The diagnostic's page: docs/rules/{ID}.md.</summary>
    public static string HelpLink(string id) => HelpBase + id + ".md";

    /// <summary>Turns model data into a Roslyn diagnostic.</summary>
    public static Diagnostic ToDiagnostic(this DiagnosticInfo info) =>
        Diagnostic.Create(
            All[info.Id],
            info.Location?.ToLocation() ?? Location.None,
            info.MessageArguments.Cast<object>().ToArray());

    /// <summary>The severity of a diagnostic from its descriptor.</summary>
    public static DiagnosticSeverity SeverityOf(DiagnosticInfo info) => All[info.Id].DefaultSeverity;

    /// <summary>The formatted message, without location.</summary>
    public static string FormatMessage(DiagnosticInfo info) =>
        string.Format(
            CultureInfo.InvariantCulture,
            All[info.Id].MessageFormat.ToString(CultureInfo.InvariantCulture),
            info.MessageArguments.Cast<object>().ToArray());

    /// <summary>A compiler-style line: <c>path(line,col): error CAC1002: message</c>.</summary>
    public static string Format(DiagnosticInfo info)
    {
        var prefix = info.Location is null ? string.Empty : info.Location.ToDisplayString() + ": ";
        var severity = SeverityOf(info) switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            _ => "info",
        };
        return prefix + severity + " " + info.Id + ": " + FormatMessage(info);
    }

    /// <summary><c>true</c> when any diagnostic is an error.</summary>
    public static bool HasErrors(IEnumerable<DiagnosticInfo> diagnostics) =>
        diagnostics.Any(d => SeverityOf(d) == DiagnosticSeverity.Error);
}
