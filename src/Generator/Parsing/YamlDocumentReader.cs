using System;
using System.Collections.Generic;
using System.IO;
using System.Text.RegularExpressions;
using Cac.Generator.Diagnostics;
using Cac.Generator.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Cac.Generator.Parsing;

/// <summary>
/// Loads one YAML document into YamlDotNet's representation model (which keeps start and end marks on every
/// node) and turns load failures into located diagnostics. Shared by the action.yml and typings parsers.
/// </summary>
internal sealed class YamlDocumentReader
{
    // YamlException messages start with "(Line: 3, Col: 5, Idx: 20) - (Line: ...): "; the location is reported
    // separately, so the prefix is dropped from the message.
    private static readonly Regex MarkPrefix = new(
        @"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ",
        RegexOptions.CultureInvariant);

    private const string DuplicateKeyMessage = "Duplicate key";

    private readonly string text;

    public YamlDocumentReader(string filePath, string text)
    {
        FilePath = filePath;
        this.text = text;
        Positions = new TextPositions(filePath, text);
    }

    public string FilePath { get; }

    public TextPositions Positions { get; }

    public List<DiagnosticInfo> Diagnostics { get; } = new();

    /// <summary>The root node, <c>null</c> for an empty file, or <c>null</c> with a diagnostic when unreadable.</summary>
    public YamlNode? LoadRoot(out bool failed)
    {
        failed = false;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            return stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
        }
        catch (YamlException exception) when (exception.Message.StartsWith(DuplicateKeyMessage, StringComparison.Ordinal))
        {
            // The representation model refuses a repeated key while loading, at the second occurrence.
            var location = Positions.Span(exception.Start, exception.End);
            Diagnostics.Add(DiagnosticInfo.Create(GeneratorDiagnostics.DuplicateKey.Id, location, KeyText(location)));
        }
        catch (YamlException exception)
        {
            var message = MarkPrefix.Replace(exception.Message, string.Empty);
            if (exception.InnerException is { } inner && !string.IsNullOrEmpty(inner.Message))
            {
                message += " " + MarkPrefix.Replace(inner.Message, string.Empty);
            }

            Diagnostics.Add(DiagnosticInfo.Create(
                GeneratorDiagnostics.InvalidYaml.Id, Positions.Span(exception.Start, exception.End), Path.GetFileName(FilePath), message));
        }
#pragma warning disable CA1031 // A generator must turn every failure into a diagnostic instead of crashing.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            ReportUnexpected(exception);
        }

        failed = true;
        return null;
    }

    /// <summary>Any other failure: reported at the start of the file rather than thrown at the compiler.</summary>
    public void ReportUnexpected(Exception exception) =>
        Diagnostics.Add(DiagnosticInfo.Create(
            GeneratorDiagnostics.InvalidYaml.Id, Positions.FileStart(), Path.GetFileName(FilePath), exception.GetType().Name + ": " + exception.Message));

    public LocationInfo LocationOf(YamlNode node) => Positions.Span(node.Start, node.End);

    public void ReportStructure(YamlNode node, string message) =>
        Diagnostics.Add(DiagnosticInfo.Create(GeneratorDiagnostics.UnexpectedStructure.Id, LocationOf(node), message));

    /// <summary>YAML null: an empty plain scalar, <c>~</c> or a plain <c>null</c> (a quoted 'null' is a string).</summary>
    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain } scalar &&
        scalar.Value is null or "" or "~" or "null" or "Null" or "NULL";

    /// <summary>The mapping's value for <paramref name="key"/>, if present.</summary>
    public static YamlNode? Child(YamlMappingNode mapping, string key) =>
        mapping.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    /// <summary>
    /// A scalar's text; <c>null</c> for YAML null or a missing node. Other node kinds are reported as
    /// <paramref name="what"/> must be text and also give <c>null</c>.
    /// </summary>
    public string? ScalarText(YamlNode? node, string what)
    {
        if (node is null || IsNull(node))
        {
            return null;
        }

        if (node is YamlScalarNode scalar)
        {
            return scalar.Value ?? string.Empty;
        }

        ReportStructure(node, what + " must be a single value, not a list or mapping");
        return null;
    }

    /// <summary>
    /// The mapping at <paramref name="node"/>: <c>null</c> when absent or YAML null; otherwise reported as
    /// <paramref name="what"/> must be a mapping.
    /// </summary>
    public YamlMappingNode? Mapping(YamlNode? node, string what)
    {
        if (node is null || IsNull(node))
        {
            return null;
        }

        if (node is YamlMappingNode mapping)
        {
            return mapping;
        }

        ReportStructure(node, what + " must be a mapping of names to entries");
        return null;
    }

    private string KeyText(LocationInfo location)
    {
        var length = Math.Max(0, Math.Min(location.Length, text.Length - location.Start));
        return text.Substring(location.Start, length).Trim().Trim('\'', '"');
    }
}
