using System.Collections.Generic;
using System.Linq;
using Cac.Abstractions;
using Cac.Generator.Diagnostics;
using Cac.Generator.Model;
using YamlDotNet.RepresentationModel;

namespace Cac.Generator.Parsing;

/// <summary>
/// Reads action-types.yml (the github-actions-typing format): per input or output a <c>type</c> of string,
/// boolean, integer (optional <c>named-values</c>), float/number, enum (<c>allowed-values</c>) or list
/// (<c>separator</c> and a scalar <c>list-item</c>). Invalid entries are reported and left out.
/// </summary>
public static class TypingsParser
{
    /// <summary>Parses the text of an action-types.yml found at <paramref name="filePath"/>.</summary>
    public static TypingsParseResult Parse(string filePath, string text)
    {
        var reader = new YamlDocumentReader(filePath, text);
        try
        {
            return Read(reader);
        }
#pragma warning disable CA1031 // A generator must turn every failure into a diagnostic instead of crashing.
        catch (System.Exception exception)
#pragma warning restore CA1031
        {
            reader.ReportUnexpected(exception);
            return new TypingsParseResult(filePath, null, reader.Diagnostics.ToEquatableArray());
        }
    }

    private static TypingsParseResult Read(YamlDocumentReader reader)
    {
        var filePath = reader.FilePath;
        var root = reader.LoadRoot(out var failed);
        if (failed)
        {
            return new TypingsParseResult(filePath, null, reader.Diagnostics.ToEquatableArray());
        }

        var document = root is null || YamlDocumentReader.IsNull(root) ? null : reader.Mapping(root, "action-types.yml");
        var typings = new Typings(
            filePath,
            ReadSection(reader, document, "inputs"),
            ReadSection(reader, document, "outputs"));
        return new TypingsParseResult(filePath, typings, reader.Diagnostics.ToEquatableArray());
    }

    private static EquatableArray<Typing> ReadSection(YamlDocumentReader reader, YamlMappingNode? document, string section)
    {
        var entries = document is null ? null : reader.Mapping(YamlDocumentReader.Child(document, section), "'" + section + "'");
        var typings = new List<Typing>();
        foreach (var entry in entries?.Children ?? Enumerable.Empty<KeyValuePair<YamlNode, YamlNode>>())
        {
            if (entry.Key is not YamlScalarNode { Value: { } name })
            {
                reader.ReportStructure(entry.Key, "a typed name must be a single value");
                continue;
            }

            if (ReadType(reader, name, entry.Key, entry.Value, allowList: true) is { } type)
            {
                typings.Add(new Typing(name, type, reader.LocationOf(entry.Key)));
            }
        }

        return typings.ToEquatableArray();
    }

    private static InputType? ReadType(YamlDocumentReader reader, string name, YamlNode owner, YamlNode node, bool allowList)
    {
        if (node is not YamlMappingNode body)
        {
            return Invalid(reader, name, node, "expected a mapping with a 'type'");
        }

        var typeNode = YamlDocumentReader.Child(body, "type");
        var typeName = reader.ScalarText(typeNode, "'type'");
        var where = typeNode ?? owner;
        return typeName switch
        {
            "string" => InputType.String,
            "boolean" => InputType.Scalar(InputKind.Boolean),
            "float" or "number" => InputType.Scalar(InputKind.Number),
            "integer" => ReadInteger(reader, name, body),
            "enum" => ReadEnum(reader, name, body, where),
            "list" when allowList => ReadList(reader, name, body, where),
            "list" => Invalid(reader, name, where, "a list item cannot itself be a list"),
            null => Invalid(reader, name, where, "'type' is missing"),
            _ => Invalid(reader, name, where, "unknown type '" + typeName + "' (expected string, boolean, integer, float, enum or list)"),
        };
    }

    private static InputType? ReadInteger(YamlDocumentReader reader, string name, YamlMappingNode body)
    {
        var namedNode = YamlDocumentReader.Child(body, "named-values");
        var named = reader.Mapping(namedNode, "'named-values'");
        var values = new List<NamedInteger>();
        foreach (var entry in named?.Children ?? Enumerable.Empty<KeyValuePair<YamlNode, YamlNode>>())
        {
            var word = reader.ScalarText(entry.Key, "a named value");
            var number = reader.ScalarText(entry.Value, "a named value");
            if (word is null || number is null || !InputSyntax.TryParseInteger(number, out var value))
            {
                return Invalid(reader, name, entry.Value, "named values map a word to a whole number");
            }

            values.Add(new NamedInteger(word, value));
        }

        return InputType.Scalar(InputKind.Integer) with { NamedValues = values.ToEquatableArray() };
    }

    private static InputType? ReadEnum(YamlDocumentReader reader, string name, YamlMappingNode body, YamlNode where)
    {
        var allowedNode = YamlDocumentReader.Child(body, "allowed-values");
        if (allowedNode is not YamlSequenceNode { Children.Count: > 0 } allowed)
        {
            return Invalid(reader, name, allowedNode ?? where, "an enum needs a non-empty 'allowed-values' list");
        }

        var values = new List<string>();
        foreach (var item in allowed.Children)
        {
            if (item is not YamlScalarNode { Value: { } value })
            {
                return Invalid(reader, name, item, "allowed values must be single values");
            }

            values.Add(value);
        }

        return InputType.Scalar(InputKind.Enum) with { AllowedValues = values.ToEquatableArray() };
    }

    private static InputType? ReadList(YamlDocumentReader reader, string name, YamlMappingNode body, YamlNode where)
    {
        var separator = reader.ScalarText(YamlDocumentReader.Child(body, "separator"), "'separator'");
        if (string.IsNullOrEmpty(separator))
        {
            return Invalid(reader, name, where, "a list needs a non-empty 'separator'");
        }

        var itemNode = YamlDocumentReader.Child(body, "list-item");
        if (itemNode is null)
        {
            return Invalid(reader, name, where, "a list needs a 'list-item' with a type");
        }

        var item = ReadType(reader, name, where, itemNode, allowList: false);
        return item is null
            ? null
            : new InputType(InputKind.List, EquatableArray<string>.Empty, EquatableArray<NamedInteger>.Empty, separator, item);
    }

    private static InputType? Invalid(YamlDocumentReader reader, string name, YamlNode node, string reason)
    {
        reader.Diagnostics.Add(DiagnosticInfo.Create(GeneratorDiagnostics.InvalidTyping.Id, reader.LocationOf(node), name, reason));
        return null;
    }
}
