using System.Linq;
using Cac.Generator.Model;
using Cac.Generator.Parsing;

namespace Cac.Generator.Tests.Parsing;

public class FallbacksParserTests
{
    private static FallbacksParseResult Parse(string yaml) => FallbacksParser.Parse("/a/action-fallbacks.yml", yaml);

    [Fact]
    public void Reads_input_and_variable_pairs_in_order()
    {
        var result = Parse("inputs:\n  aws-region: AWS_REGION\n  role-to-assume: 'ROLE_TO_ASSUME'\n");

        Assert.Empty(result.Diagnostics);
        Assert.Equal([("aws-region", "AWS_REGION"), ("role-to-assume", "ROLE_TO_ASSUME")], result.Fallbacks!.Inputs.Select(f => (f.Input, f.Variable)));
        Assert.Equal((2, 2), (result.Fallbacks.Inputs[1].Location.StartLine, result.Fallbacks.Inputs[1].Location.StartColumn));
    }

    [Theory]
    [InlineData("")]
    [InlineData("# only a comment\n")]
    [InlineData("inputs:\n")]
    public void An_empty_file_declares_no_fallbacks(string yaml)
    {
        var result = Parse(yaml);

        Assert.Empty(result.Diagnostics);
        Assert.Empty(result.Fallbacks!.Inputs);
    }

    [Theory]
    [InlineData("inputs:\n  a:\n", 1, 4, "no variable is named")]
    [InlineData("inputs:\n  a: 1ST\n", 1, 5, "'1ST' is not a variable name")]
    [InlineData("inputs:\n  a: MY-VAR\n", 1, 5, "'MY-VAR' is not a variable name")]
    [InlineData("inputs:\n  a: ''\n", 1, 5, "'' is not a variable name")]
    [InlineData("inputs:\n  a: INPUT_B\n", 1, 5, "starts with INPUT_")]
    [InlineData("inputs:\n  a: [A, B]\n", 1, 5, "a single name")]
    public void An_entry_that_names_no_usable_variable_gives_CAC1016_at_the_value_and_is_left_out(string yaml, int line, int column, string reason)
    {
        var result = Parse(yaml);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("CAC1016", diagnostic.Id);
        Assert.Equal("a", diagnostic.MessageArguments[0]);
        Assert.Contains(reason, diagnostic.MessageArguments[1], System.StringComparison.Ordinal);
        Assert.Equal((line, column), (diagnostic.Location!.StartLine, diagnostic.Location.StartColumn));
        Assert.Empty(result.Fallbacks!.Inputs);
    }

    [Fact]
    public void A_variable_named_twice_gives_CAC1015_at_the_second_and_keeps_both()
    {
        var result = Parse("inputs:\n  first: SHARED\n  second: shared\n");

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("CAC1015", diagnostic.Id);
        Assert.Equal(["second", "shared", "first"], diagnostic.MessageArguments);
        Assert.Equal((2, 10), (diagnostic.Location!.StartLine, diagnostic.Location.StartColumn));
        Assert.Equal(2, result.Fallbacks!.Inputs.Count);
    }

    [Fact]
    public void An_input_named_twice_gives_CAC1003()
    {
        var result = Parse("inputs:\n  a: X\n  a: Y\n");

        Assert.Null(result.Fallbacks);
        Assert.Equal("CAC1003", Assert.Single(result.Diagnostics).Id);
    }

    [Theory]
    [InlineData("- a\n", 0)]
    [InlineData("inputs: [a]\n", 0)]
    [InlineData("inputs:\n  [a]: X\n", 1)]
    public void A_file_of_the_wrong_shape_gives_CAC1010(string yaml, int line)
    {
        var diagnostic = Assert.Single(Parse(yaml).Diagnostics);

        Assert.Equal("CAC1010", diagnostic.Id);
        Assert.Equal(line, diagnostic.Location!.StartLine);
    }

    [Fact]
    public void Broken_yaml_gives_CAC1002_at_its_line()
    {
        var result = Parse("inputs:\n  a: 'X\n");

        Assert.Null(result.Fallbacks);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("CAC1002", diagnostic.Id);
        Assert.Equal("/a/action-fallbacks.yml", diagnostic.Location!.FilePath);
    }

    [Fact]
    public void Our_fallbacks_parse_cleanly()
    {
        var result = FallbacksParser.Parse(TestSupport.RepositoryPaths.ActionFallbacksYml, System.IO.File.ReadAllText(TestSupport.RepositoryPaths.ActionFallbacksYml));

        Assert.Empty(result.Diagnostics);
        Assert.Contains(result.Fallbacks!.Inputs, f => f.Input == "aws-region" && f.Variable == "AWS_REGION");
    }
}
