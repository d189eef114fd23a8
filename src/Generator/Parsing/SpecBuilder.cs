using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Cac.Generator.Diagnostics;
using Cac.Generator.Model;

namespace Cac.Generator.Parsing;

/// <summary>
/// Combines parsed action.yml, the parsed action-types.yml and action-fallbacks.yml beside it, and the MSBuild
/// options into an <see cref="ActionSpec"/>: names C# members, applies types, fallbacks and secrecy, checks
/// defaults and collisions. Any error leaves the spec out.
/// </summary>
public static class SpecBuilder
{
    // Names the generated classes already use, or inherit from object; an input or output that becomes one
    // of them would not compile.
    private static readonly string[] ObjectMembers =
        { "Equals", "GetHashCode", "GetType", "ToString", "MemberwiseClone", "ReferenceEquals", "Finalize" };

    private static readonly string[] InputsClassMembers =
        ObjectMembers.Concat(new[] { "ActionInputs", "Load", "Names", "EnvironmentVariables", "FallbackVariables", "Declarations" }).ToArray();

    private static readonly string[] OutputsClassMembers = ObjectMembers.Concat(new[] { "Names" }).ToArray();

    /// <summary>Builds from every action.yml, action-types.yml and action-fallbacks.yml among the AdditionalFiles.</summary>
    public static BuildResult Build(
        ImmutableArray<MetadataParseResult> metadataFiles,
        ImmutableArray<TypingsParseResult> typingsFiles,
        ImmutableArray<FallbacksParseResult> fallbackFiles,
        GeneratorOptions options)
    {
        if (metadataFiles.IsDefaultOrEmpty)
        {
            return new BuildResult(null, new[] { DiagnosticInfo.Create(GeneratorDiagnostics.ActionMetadataMissing.Id, null) }.ToEquatableArray());
        }

        var ordered = metadataFiles.OrderBy(f => f.FilePath, StringComparer.Ordinal).ToList();
        var chosen = ordered[0];
        var directory = Path.GetDirectoryName(chosen.FilePath);
        var result = Build(chosen, Beside(typingsFiles, t => t.FilePath, directory), Beside(fallbackFiles, f => f.FilePath, directory), options);
        if (ordered.Count == 1)
        {
            return result;
        }

        var ignored = ordered.Skip(1).Select(f => DiagnosticInfo.Create(
            GeneratorDiagnostics.MultipleActionMetadata.Id, null, chosen.FilePath, f.FilePath));
        return result with { Diagnostics = result.Diagnostics.Concat(ignored).ToEquatableArray() };
    }

    /// <summary>Builds from one action.yml and the action-types.yml and action-fallbacks.yml beside it, if any.</summary>
    public static BuildResult Build(MetadataParseResult metadata, TypingsParseResult? typings, FallbacksParseResult? fallbacks, GeneratorOptions options)
    {
        var diagnostics = new List<DiagnosticInfo>(metadata.Diagnostics);
        diagnostics.AddRange(typings?.Diagnostics ?? EquatableArray<DiagnosticInfo>.Empty);
        diagnostics.AddRange(fallbacks?.Diagnostics ?? EquatableArray<DiagnosticInfo>.Empty);

        if (metadata.Metadata is not { } action)
        {
            return new BuildResult(null, diagnostics.ToEquatableArray());
        }

        var types = typings?.Typings ?? Typings.None;
        var declaredFallbacks = fallbacks?.Fallbacks ?? Fallbacks.None;
        var inputs = BuildInputs(action, types, declaredFallbacks, options, diagnostics);
        var outputs = BuildOutputs(action, types, options, diagnostics);
        ReportUnknownTypings(types.Inputs, action.Inputs.Select(i => i.Name), "input", diagnostics);
        ReportUnknownTypings(types.Outputs, action.Outputs.Select(o => o.Name), "output", diagnostics);
        diagnostics.AddRange(declaredFallbacks.Inputs
            .Where(f => !action.Inputs.Any(i => i.Name == f.Input))
            .Select(f => DiagnosticInfo.Create(GeneratorDiagnostics.FallbackForUnknownInput.Id, f.Location, f.Input)));
        ReportUnknownSecrets(options.SecretInputs, action.Inputs.Select(i => i.Name), "Cac_SecretInputs", "input", diagnostics);
        ReportUnknownSecrets(options.SecretOutputs, action.Outputs.Select(o => o.Name), "Cac_SecretOutputs", "output", diagnostics);

        var spec = GeneratorDiagnostics.HasErrors(diagnostics)
            ? null
            : new ActionSpec(options.Namespace, action.Name, action.Description, inputs.ToEquatableArray(), outputs.ToEquatableArray());
        return new BuildResult(spec, diagnostics.ToEquatableArray());
    }

    /// <summary>The one file of <paramref name="files"/> in <paramref name="directory"/> (the first by path), or <c>null</c>.</summary>
    private static T? Beside<T>(ImmutableArray<T> files, Func<T, string> pathOf, string? directory)
        where T : class =>
        files.IsDefault
            ? null
            : files.Where(f => string.Equals(Path.GetDirectoryName(pathOf(f)), directory, StringComparison.Ordinal))
                .OrderBy(pathOf, StringComparer.Ordinal)
                .FirstOrDefault();

    private static List<InputSpec> BuildInputs(
        ActionMetadata action, Typings types, Fallbacks fallbacks, GeneratorOptions options, List<DiagnosticInfo> diagnostics)
    {
        var members = new NameRegistry(InputsClassMembers, "the generated class ActionInputs");
        var variables = new NameRegistry(Array.Empty<string>(), string.Empty);
        var inputs = new List<InputSpec>();
        foreach (var input in action.Inputs)
        {
            var typing = types.Inputs.FirstOrDefault(t => t.Name == input.Name);
            var type = typing?.Type ?? InputType.String;
            var typeLocation = typing?.Location ?? input.Location;
            var memberName = NameMangler.ToMemberName(input.Name);
            if (memberName.Length == 0)
            {
                diagnostics.Add(DiagnosticInfo.Create(GeneratorDiagnostics.NameNotConvertible.Id, input.Location, "Input", input.Name));
                continue;
            }

            memberName = AvoidGeneratedMember(memberName, InputsClassMembers, "Input", input.Name, "ActionInputs", input.Location, diagnostics);
            var environmentVariable = NameMangler.ToEnvironmentVariable(input.Name);
            var owner = "input '" + input.Name + "'";
            members.Claim(memberName, owner, "Input", input.Name, "C# member", input.Location, diagnostics);
            variables.Claim(environmentVariable, owner, "Input", input.Name, "environment variable", input.Location, diagnostics);

            var isSecret = options.SecretInputs.Contains(input.Name);
            if (isSecret && type.Kind != InputKind.String)
            {
                diagnostics.Add(DiagnosticInfo.Create(
                    GeneratorDiagnostics.SecretMustBeString.Id, typeLocation, input.Name, ScalarSyntax.Describe(type)));
            }

            var enumMembers = BuildEnumMembers(type.ElementType, typeLocation, diagnostics);
            if (type.ElementType.Kind == InputKind.Enum)
            {
                members.Claim(memberName.TrimStart('@') + "Value", owner + "'s enum type", "Input", input.Name, "enum type", typeLocation, diagnostics);
            }

            var loadDefault = LoadDefault(input.Default);
            if (loadDefault is not null && ScalarSyntax.FindInvalidPart(type, loadDefault) is { } invalid)
            {
                var detail = invalid == loadDefault ? string.Empty : " (item '" + invalid + "' is not)";
                diagnostics.Add(DiagnosticInfo.Create(
                    GeneratorDiagnostics.InvalidDefault.Id,
                    input.DefaultLocation ?? input.Location,
                    loadDefault,
                    input.Name,
                    ScalarSyntax.Describe(type),
                    detail));
            }

            inputs.Add(new InputSpec(
                input.Name,
                environmentVariable,
                fallbacks.Inputs.FirstOrDefault(f => f.Input == input.Name)?.Variable,
                memberName,
                input.Description,
                input.Required,
                input.Default,
                loadDefault,
                input.DeprecationMessage,
                type,
                isSecret,
                enumMembers));
        }

        return inputs;
    }

    private static List<OutputSpec> BuildOutputs(ActionMetadata action, Typings types, GeneratorOptions options, List<DiagnosticInfo> diagnostics)
    {
        var members = new NameRegistry(OutputsClassMembers, "the generated class ActionOutputs");
        var outputs = new List<OutputSpec>();
        foreach (var output in action.Outputs)
        {
            var memberName = NameMangler.ToMemberName(output.Name);
            if (memberName.Length == 0)
            {
                diagnostics.Add(DiagnosticInfo.Create(GeneratorDiagnostics.NameNotConvertible.Id, output.Location, "Output", output.Name));
                continue;
            }

            memberName = AvoidGeneratedMember(memberName.TrimStart('@'), OutputsClassMembers, "Output", output.Name, "ActionOutputs", output.Location, diagnostics);
            members.Claim(memberName, "output '" + output.Name + "'", "Output", output.Name, "C# member", output.Location, diagnostics);
            outputs.Add(new OutputSpec(output.Name, memberName, output.Description, options.SecretOutputs.Contains(output.Name)));
        }

        return outputs;
    }

    /// <summary>
    /// Real actions have inputs such as <c>load</c> (docker/build-push-action); rather than refuse them, the
    /// member gets the suffix <c>Input</c>/<c>Output</c>, and an info diagnostic says so.
    /// </summary>
    private static string AvoidGeneratedMember(
        string memberName, string[] generatedMembers, string kind, string name, string className, LocationInfo location, List<DiagnosticInfo> diagnostics)
    {
        if (Array.IndexOf(generatedMembers, memberName) < 0)
        {
            return memberName;
        }

        var renamed = memberName + kind;
        diagnostics.Add(DiagnosticInfo.Create(GeneratorDiagnostics.MemberRenamed.Id, location, kind, name, memberName, className, renamed));
        return renamed;
    }

    private static EquatableArray<EnumMember> BuildEnumMembers(InputType type, LocationInfo location, List<DiagnosticInfo> diagnostics)
    {
        if (type.Kind != InputKind.Enum)
        {
            return EquatableArray<EnumMember>.Empty;
        }

        var registry = new NameRegistry(Array.Empty<string>(), string.Empty);
        var members = new List<EnumMember>();
        foreach (var value in type.AllowedValues)
        {
            var memberName = NameMangler.ToMemberName(value);
            if (memberName.Length == 0)
            {
                diagnostics.Add(DiagnosticInfo.Create(GeneratorDiagnostics.NameNotConvertible.Id, location, "Allowed value", value));
                continue;
            }

            registry.Claim(memberName, "allowed value '" + value + "'", "Allowed value", value, "enum member", location, diagnostics);
            members.Add(new EnumMember(value, memberName));
        }

        return members.ToEquatableArray();
    }

    /// <summary>
    /// The runner evaluates <c>${{ }}</c> defaults and passes the result in <c>INPUT_*</c>; Load cannot, so such
    /// a default counts as none there. An empty default is the same as none.
    /// </summary>
    private static string? LoadDefault(string? declared)
    {
        if (declared is null || declared.Contains("${{"))
        {
            return null;
        }

        var trimmed = declared.Trim();
        return trimmed.Length == 0 ? null : trimmed;
    }

    private static void ReportUnknownTypings(EquatableArray<Typing> typings, IEnumerable<string> declared, string what, List<DiagnosticInfo> diagnostics)
    {
        var names = new HashSet<string>(declared, StringComparer.Ordinal);
        diagnostics.AddRange(typings
            .Where(t => !names.Contains(t.Name))
            .Select(t => DiagnosticInfo.Create(GeneratorDiagnostics.TypingForUnknownName.Id, t.Location, what, t.Name)));
    }

    private static void ReportUnknownSecrets(EquatableArray<string> secrets, IEnumerable<string> declared, string property, string what, List<DiagnosticInfo> diagnostics)
    {
        var names = new HashSet<string>(declared, StringComparer.Ordinal);
        diagnostics.AddRange(secrets
            .Where(s => !names.Contains(s))
            .Select(s => DiagnosticInfo.Create(GeneratorDiagnostics.UnknownSecretName.Id, null, property, s, what)));
    }
}
