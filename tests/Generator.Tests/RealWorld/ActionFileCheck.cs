using System;
using System.IO;
using System.Linq;
using Cac.Generator.Tests.TestSupport;
using Microsoft.CodeAnalysis;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Cac.Generator.Tests.RealWorld;

/// <summary>
/// The check every real-world-shaped action.yml gets: a valid one generates code that compiles and tables with one
/// row per input and output; an invalid one gives a located error and no code, not a crash.
/// </summary>
internal static class ActionFileCheck
{
    public static void Verify(string filePath)
    {
        var fileName = Path.GetFileName(filePath);
        var text = File.ReadAllText(filePath);
        // The generator recognises files by name, so each file is presented as its own action.yml.
        var path = "/checked/" + fileName + "/" + (fileName.EndsWith(".yaml", StringComparison.Ordinal) ? "action.yaml" : "action.yml");
        var expected = CountEntries(text);

        var (result, output, diagnostics) = GeneratorHarness.Run([new InMemoryAdditionalText(path, text)]);

        if (expected is null)
        {
            // Not valid YAML to an independent reading either.
            var error = Assert.Single(diagnostics);
            Assert.Equal("CAC1002", error.Id);
            Assert.Equal(path, error.Location.GetLineSpan().Path);
            Assert.NotEqual(0, error.Location.GetLineSpan().StartLinePosition.Line);
            Assert.Empty(result.GeneratedTrees);
            return;
        }

        // Info diagnostics (a member renamed away from a generated one) are fine; nothing worse is.
        Assert.Empty(diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        var docs = CompiledAction.Load(output, "Generated").Type("ActionDocs");
        Assert.Equal(expected.Value.Inputs, TableRows((string)docs.GetField("InputsTable")!.GetRawConstantValue()!));
        Assert.Equal(expected.Value.Outputs, TableRows((string)docs.GetField("OutputsTable")!.GetRawConstantValue()!));
    }

    private static int TableRows(string table)
    {
        var lines = table.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.All(lines, line =>
        {
            Assert.StartsWith("| ", line, StringComparison.Ordinal);
            Assert.EndsWith(" |", line, StringComparison.Ordinal);
        });
        return lines.Length - 2;
    }

    /// <summary>Counts inputs and outputs with YamlDotNet directly, independently of the generator's parser.</summary>
    private static (int Inputs, int Outputs)? CountEntries(string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException)
        {
            return null;
        }

        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        int Count(string key) =>
            root.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlMappingNode mapping ? mapping.Children.Count : 0;
        return (Count("inputs"), Count("outputs"));
    }
}
