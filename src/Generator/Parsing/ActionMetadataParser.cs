using System.Collections.Generic;
using Cac.Abstractions;
using Cac.Generator.Model;
using YamlDotNet.RepresentationModel;

namespace Cac.Generator.Parsing;

/// <summary>
/// Reads action.yml into <see cref="ActionMetadata"/>. Pure (text in, data out); every scalar stays a string,
/// unknown keys are ignored, and any failure becomes a located diagnostic instead of an exception.
/// </summary>
public static class ActionMetadataParser
{
    /// <summary>Parses the text of an action.yml found at <paramref name="filePath"/>.</summary>
    public static MetadataParseResult Parse(string filePath, string text)
    {
        var reader = new YamlDocumentReader(filePath, text);
        ActionMetadata? metadata;
        try
        {
            metadata = Read(reader);
        }
#pragma warning disable CA1031 // A generator must turn every failure into a diagnostic instead of crashing.
        catch (System.Exception exception)
#pragma warning restore CA1031
        {
            reader.ReportUnexpected(exception);
            metadata = null;
        }

        return new MetadataParseResult(filePath, metadata, reader.Diagnostics.ToEquatableArray());
    }

    private static ActionMetadata? Read(YamlDocumentReader reader)
    {
        var root = reader.LoadRoot(out var failed);
        if (failed)
        {
            return null;
        }

        if (root is not YamlMappingNode action)
        {
            reader.Diagnostics.Add(DiagnosticInfo.Create(
                Diagnostics.GeneratorDiagnostics.UnexpectedStructure.Id,
                root is null ? reader.Positions.FileStart() : reader.LocationOf(root),
                "action metadata must be a mapping with name, description, inputs and outputs"));
            return null;
        }

        var inputs = new List<InputMetadata>();
        var inputsNode = reader.Mapping(YamlDocumentReader.Child(action, "inputs"), "'inputs'");
        foreach (var entry in inputsNode?.Children ?? EmptyChildren)
        {
            if (ReadInput(reader, entry.Key, entry.Value) is { } input)
            {
                inputs.Add(input);
            }
        }

        var outputs = new List<OutputMetadata>();
        var outputsNode = reader.Mapping(YamlDocumentReader.Child(action, "outputs"), "'outputs'");
        foreach (var entry in outputsNode?.Children ?? EmptyChildren)
        {
            if (ReadOutput(reader, entry.Key, entry.Value) is { } output)
            {
                outputs.Add(output);
            }
        }

        return new ActionMetadata(
            reader.FilePath,
            reader.ScalarText(YamlDocumentReader.Child(action, "name"), "'name'") ?? string.Empty,
            reader.ScalarText(YamlDocumentReader.Child(action, "description"), "'description'") ?? string.Empty,
            inputs.ToEquatableArray(),
            outputs.ToEquatableArray());
    }

    private static IDictionary<YamlNode, YamlNode> EmptyChildren { get; } = new Dictionary<YamlNode, YamlNode>();

    private static InputMetadata? ReadInput(YamlDocumentReader reader, YamlNode key, YamlNode value)
    {
        if (key is not YamlScalarNode { Value: { } name })
        {
            reader.ReportStructure(key, "an input name must be a single value");
            return null;
        }

        var body = reader.Mapping(value, "input '" + name + "'");
        if (body is null)
        {
            // "name:" with nothing under it is a valid, if undocumented, optional input.
            return YamlDocumentReader.IsNull(value)
                ? new InputMetadata(name, string.Empty, false, null, null, reader.LocationOf(key), null)
                : null;
        }

        var defaultNode = YamlDocumentReader.Child(body, "default");
        var defaultValue = reader.ScalarText(defaultNode, "the default of '" + name + "'");
        return new InputMetadata(
            name,
            reader.ScalarText(YamlDocumentReader.Child(body, "description"), "the description of '" + name + "'") ?? string.Empty,
            InputSyntax.TryParseBoolean(reader.ScalarText(YamlDocumentReader.Child(body, "required"), "'required'") ?? string.Empty, out var required) && required,
            defaultValue,
            reader.ScalarText(YamlDocumentReader.Child(body, "deprecationMessage"), "'deprecationMessage'"),
            reader.LocationOf(key),
            defaultValue is null || defaultNode is null ? null : reader.LocationOf(defaultNode));
    }

    private static OutputMetadata? ReadOutput(YamlDocumentReader reader, YamlNode key, YamlNode value)
    {
        if (key is not YamlScalarNode { Value: { } name })
        {
            reader.ReportStructure(key, "an output name must be a single value");
            return null;
        }

        var body = reader.Mapping(value, "output '" + name + "'");
        if (body is null)
        {
            return YamlDocumentReader.IsNull(value) ? new OutputMetadata(name, string.Empty, reader.LocationOf(key)) : null;
        }

        var description = reader.ScalarText(YamlDocumentReader.Child(body, "description"), "the description of '" + name + "'");
        return new OutputMetadata(name, description ?? string.Empty, reader.LocationOf(key));
    }
}
