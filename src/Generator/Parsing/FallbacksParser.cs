using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Cac.Generator.Diagnostics;
using Cac.Generator.Model;
using YamlDotNet.RepresentationModel;

namespace Cac.Generator.Parsing;

/// <summary>
/// Reads action-fallbacks.yml: under <c>inputs:</c>, an input name and the environment variable it falls back to
/// (<c>aws-region: AWS_REGION</c>). An entry whose variable is not a portable variable name is reported (CAC1016)
/// and left out; a variable named twice is reported (CAC1015) and kept.
/// </summary>
public static class FallbacksParser
{
    // Portable on every runner: letters, digits and underscores, not starting with a digit.
    private static readonly Regex VariableName = new("^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant);

    private const string RunnerPrefix = "INPUT_";

    /// <summary>Parses the text of an action-fallbacks.yml found at <paramref name="filePath"/>.</summary>
    public static FallbacksParseResult Parse(string filePath, string text)
    {
        var reader = new YamlDocumentReader(filePath, text);
        try
        {
            var fallbacks = Read(reader);
            return new FallbacksParseResult(filePath, fallbacks, reader.Diagnostics.ToEquatableArray());
        }
#pragma warning disable CA1031 // A generator must turn every failure into a diagnostic instead of crashing.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            reader.ReportUnexpected(exception);
            return new FallbacksParseResult(filePath, null, reader.Diagnostics.ToEquatableArray());
        }
    }

    private static Fallbacks? Read(YamlDocumentReader reader)
    {
        var root = reader.LoadRoot(out var failed);
        if (failed)
        {
            return null;
        }

        var document = root is null || YamlDocumentReader.IsNull(root) ? null : reader.Mapping(root, "action-fallbacks.yml");
        var entries = document is null ? null : reader.Mapping(YamlDocumentReader.Child(document, "inputs"), "'inputs'");
        var fallbacks = new List<Fallback>();
        foreach (var entry in entries?.Children ?? Enumerable.Empty<KeyValuePair<YamlNode, YamlNode>>())
        {
            if (entry.Key is not YamlScalarNode { Value: { } input })
            {
                reader.ReportStructure(entry.Key, "an input name must be a single value");
                continue;
            }

            if (ReadVariable(reader, input, entry.Value) is not { } variable)
            {
                continue;
            }

            if (fallbacks.FirstOrDefault(f => string.Equals(f.Variable, variable, StringComparison.OrdinalIgnoreCase)) is { } earlier)
            {
                // Compared without case: on Windows the two would be one variable.
                reader.Diagnostics.Add(DiagnosticInfo.Create(
                    GeneratorDiagnostics.DuplicateFallbackVariable.Id, reader.LocationOf(entry.Value), input, variable, earlier.Input));
            }

            fallbacks.Add(new Fallback(input, variable, reader.LocationOf(entry.Key)));
        }

        return new Fallbacks(reader.FilePath, fallbacks.ToEquatableArray());
    }

    private static string? ReadVariable(YamlDocumentReader reader, string input, YamlNode value)
    {
        var reason = value switch
        {
            _ when YamlDocumentReader.IsNull(value) => "no variable is named",
            YamlScalarNode { Value: { } name } when !VariableName.IsMatch(name) =>
                "'" + name + "' is not a variable name (letters, digits and underscores, not starting with a digit)",
            YamlScalarNode { Value: { } name } when name.StartsWith(RunnerPrefix, StringComparison.OrdinalIgnoreCase) =>
                "'" + name + "' starts with INPUT_, which the runner uses for the inputs themselves",
            YamlScalarNode => null,
            _ => "the variable must be a single name, not a list or mapping",
        };
        if (reason is null)
        {
            return ((YamlScalarNode)value).Value;
        }

        reader.Diagnostics.Add(DiagnosticInfo.Create(GeneratorDiagnostics.InvalidFallback.Id, reader.LocationOf(value), input, reason));
        return null;
    }
}
