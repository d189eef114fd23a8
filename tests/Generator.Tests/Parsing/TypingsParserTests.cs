using System.Linq;
using Cac.Generator.Model;
using Cac.Generator.Parsing;

namespace Cac.Generator.Tests.Parsing;

public class TypingsParserTests
{
    private static Typings ParseValid(string yaml)
    {
        var result = TypingsParser.Parse("/a/action-types.yml", yaml);
        Assert.Empty(result.Diagnostics);
        return Assert.IsType<Typings>(result.Typings);
    }

    [Fact]
    public void Reads_every_kind()
    {
        var typings = ParseValid("""
            inputs:
              s: { type: string }
              b: { type: boolean }
              i: { type: integer, named-values: { infinite: -1 } }
              f: { type: float }
              n: { type: number }
              e: { type: enum, allowed-values: [fast, slow] }
              l:
                type: list
                separator: "\n"
                list-item: { type: integer }
            outputs:
              o: { type: string }
            """);

        var byName = typings.Inputs.ToDictionary(t => t.Name, t => t.Type);
        Assert.Equal(InputKind.String, byName["s"].Kind);
        Assert.Equal(InputKind.Boolean, byName["b"].Kind);
        Assert.Equal(new NamedInteger("infinite", -1), Assert.Single(byName["i"].NamedValues));
        Assert.Equal(InputKind.Number, byName["f"].Kind);
        Assert.Equal(InputKind.Number, byName["n"].Kind);
        Assert.Equal(["fast", "slow"], byName["e"].AllowedValues);
        Assert.Equal(InputKind.List, byName["l"].Kind);
        Assert.Equal("\n", byName["l"].Separator);
        Assert.Equal(InputKind.Integer, byName["l"].ElementType.Kind);
        Assert.Equal("o", Assert.Single(typings.Outputs).Name);
    }

    [Theory]
    [InlineData("inputs:\n  a:\n    type: strnig\n", 2, "unknown type 'strnig'")]
    [InlineData("inputs:\n  a:\n    separator: ','\n", 1, "'type' is missing")]
    [InlineData("inputs:\n  a:\n    type: enum\n", 2, "allowed-values")]
    [InlineData("inputs:\n  a:\n    type: list\n    list-item: { type: string }\n", 2, "separator")]
    [InlineData("inputs:\n  a:\n    type: list\n    separator: ','\n", 2, "list-item")]
    [InlineData("inputs:\n  a:\n    type: list\n    separator: ','\n    list-item: { type: list }\n", 4, "cannot itself be a list")]
    [InlineData("inputs:\n  a: string\n", 1, "expected a mapping")]
    public void Invalid_typings_give_CAC1006_at_the_offending_node(string yaml, int line, string reason)
    {
        var result = TypingsParser.Parse("/a/action-types.yml", yaml);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("CAC1006", diagnostic.Id);
        Assert.Equal("a", diagnostic.MessageArguments[0]);
        Assert.Contains(reason, diagnostic.MessageArguments[1], System.StringComparison.Ordinal);
        Assert.Equal(line, diagnostic.Location!.StartLine);
        Assert.Empty(result.Typings!.Inputs);
    }

    [Fact]
    public void Broken_yaml_gives_CAC1002()
    {
        var result = TypingsParser.Parse("/a/action-types.yml", "inputs:\n  a:\n    type: [string\n");

        Assert.Null(result.Typings);
        Assert.Equal("CAC1002", Assert.Single(result.Diagnostics).Id);
    }

    [Fact]
    public void Our_action_types_parse_cleanly()
    {
        var typings = ParseValid(System.IO.File.ReadAllText(TestSupport.RepositoryPaths.ActionTypesYml));

        Assert.Contains(typings.Inputs, t => t.Name == "role-duration-seconds" && t.Type.Kind == InputKind.Integer);
        Assert.Contains(typings.Inputs, t => t.Name == "allowed-account-ids" && t.Type.Separator == ",");
    }
}
