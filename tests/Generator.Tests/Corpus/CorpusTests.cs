using System;
using System.IO;
using System.Linq;
using Cac.Generator.Emitting;
using Cac.Generator.Tests.TestSupport;
using Microsoft.CodeAnalysis;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Cac.Generator.Tests.Corpus;

/// <summary>
/// Real action.yml files from ../shared/corpus/action-yml: each valid one must generate code that compiles and
/// tables with one row per input and output; the invalid one must give a located error, not a crash.
/// </summary>
public class CorpusTests
{
    public static TheoryData<string> CorpusFiles() => new(RepositoryPaths.CorpusFiles().Select(Path.GetFileName)!);

    [Fact]
    public void The_corpus_is_there()
    {
        Assert.True(RepositoryPaths.CorpusFiles().Length >= 40, "expected the shared corpus at " + RepositoryPaths.CorpusDirectory);
    }

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void Generates_code_that_compiles_and_tables_that_match_the_file(string fileName)
    {
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.CorpusDirectory, fileName));
        // The generator recognises files by name, so each corpus file is presented as its own action.yml.
        var path = "/corpus/" + fileName + "/" + (fileName.EndsWith(".yaml", StringComparison.Ordinal) ? "action.yaml" : "action.yml");
        var expected = CountEntries(text);

        var (result, output, diagnostics) = GeneratorHarness.Run([new InMemoryAdditionalText(path, text)]);

        if (expected is null)
        {
            // Not valid YAML to an independent reading either: a located error and no generated code.
            var error = Assert.Single(diagnostics);
            Assert.Equal("CAC1002", error.Id);
            Assert.Equal(path, error.Location.GetLineSpan().Path);
            Assert.True(error.Location.GetLineSpan().StartLinePosition.Line > 0);
            Assert.Empty(result.GeneratedTrees);
            return;
        }

        // Info diagnostics (a member renamed away from a generated one) are fine; nothing worse is.
        Assert.Empty(diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        var docs = CompiledDocs(output);
        Assert.Equal(expected.Value.Inputs, TableRows(docs.Inputs));
        Assert.Equal(expected.Value.Outputs, TableRows(docs.Outputs));
    }

    private static (string Inputs, string Outputs) CompiledDocs(Compilation output)
    {
        var docs = CompiledAction.Load(output, "Generated").Type("ActionDocs");
        return ((string)docs.GetField("InputsTable")!.GetRawConstantValue()!, (string)docs.GetField("OutputsTable")!.GetRawConstantValue()!);
    }

    private static int TableRows(string table)
    {
        var lines = table.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.All(lines, line => Assert.True(line.StartsWith("| ", StringComparison.Ordinal) && line.EndsWith(" |", StringComparison.Ordinal), line));
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
