using System.Linq;
using Cac.Generator.Model;
using Cac.Generator.Parsing;

namespace Cac.Generator.Tests.Parsing;

public class ActionMetadataParserTests
{
    private static ActionMetadata ParseValid(string yaml)
    {
        var result = ActionMetadataParser.Parse("/a/action.yml", yaml);
        Assert.Empty(result.Diagnostics);
        return Assert.IsType<ActionMetadata>(result.Metadata);
    }

    private static InputMetadata Input(ActionMetadata metadata, string name) => metadata.Inputs.Single(i => i.Name == name);

    [Fact]
    public void Reads_inputs_and_outputs_in_declaration_order()
    {
        var metadata = ParseValid("""
            name: Demo
            description: Does things
            inputs:
              zeta:
                description: last letter
              alpha:
                description: first letter
            outputs:
              out-b:
                description: b
              out-a:
                description: a
            runs:
              using: docker
              image: Dockerfile
            """);

        Assert.Equal("Demo", metadata.Name);
        Assert.Equal("Does things", metadata.Description);
        Assert.Equal(["zeta", "alpha"], metadata.Inputs.Select(i => i.Name));
        Assert.Equal(["out-b", "out-a"], metadata.Outputs.Select(o => o.Name));
    }

    [Fact]
    public void Folded_literal_and_multi_line_quoted_descriptions_come_out_as_yaml_defines_them()
    {
        var metadata = ParseValid("""
            inputs:
              folded:
                description: >-
                  one
                  two

                  three
              literal:
                description: |
                  - a
                  - b
              quoted:
                description: 'first
                  second'
              double:
                description: "tab\there"
            """);

        Assert.Equal("one two\nthree", Input(metadata, "folded").Description);
        Assert.Equal("- a\n- b\n", Input(metadata, "literal").Description);
        Assert.Equal("first second", Input(metadata, "quoted").Description);
        Assert.Equal("tab\there", Input(metadata, "double").Description);
    }

    [Fact]
    public void Quoted_and_unquoted_defaults_are_the_same_string()
    {
        var metadata = ParseValid("""
            inputs:
              a: { default: 3 }
              b: { default: '3' }
              c: { default: "3" }
              d: { default: false }
              e: { default: '' }
            """);

        Assert.Equal("3", Input(metadata, "a").Default);
        Assert.Equal("3", Input(metadata, "b").Default);
        Assert.Equal("3", Input(metadata, "c").Default);
        Assert.Equal("false", Input(metadata, "d").Default);
        Assert.Equal(string.Empty, Input(metadata, "e").Default);
    }

    [Theory]
    [InlineData("default: null")]
    [InlineData("default: ~")]
    [InlineData("default:")]
    [InlineData("description: no default key")]
    public void Null_or_missing_default_is_no_default(string line)
    {
        var metadata = ParseValid("inputs:\n  a:\n    " + line + "\n");

        Assert.Null(Input(metadata, "a").Default);
        Assert.Null(Input(metadata, "a").DefaultLocation);
    }

    [Fact]
    public void Quoted_null_is_the_string_null()
    {
        var metadata = ParseValid("inputs:\n  a:\n    default: 'null'\n");

        Assert.Equal("null", Input(metadata, "a").Default);
    }

    [Fact]
    public void Expression_defaults_are_kept_verbatim()
    {
        var metadata = ParseValid("inputs:\n  token:\n    default: ${{ github.token }}\n");

        Assert.Equal("${{ github.token }}", Input(metadata, "token").Default);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("'true'", true)]
    [InlineData("TRUE", true)]
    [InlineData("false", false)]
    [InlineData("yes", false)]
    public void Required_accepts_core_schema_booleans_quoted_or_not(string value, bool expected)
    {
        var metadata = ParseValid("inputs:\n  a:\n    required: " + value + "\n");

        Assert.Equal(expected, Input(metadata, "a").Required);
    }

    [Fact]
    public void Reads_deprecation_messages()
    {
        var metadata = ParseValid("inputs:\n  old:\n    deprecationMessage: Use new instead.\n  new: {}\n");

        Assert.Equal("Use new instead.", Input(metadata, "old").DeprecationMessage);
        Assert.Null(Input(metadata, "new").DeprecationMessage);
    }

    [Fact]
    public void Input_without_body_is_an_undocumented_optional_input()
    {
        var metadata = ParseValid("inputs:\n  bare:\n");

        var input = Input(metadata, "bare");
        Assert.Equal(string.Empty, input.Description);
        Assert.False(input.Required);
    }

    [Fact]
    public void No_inputs_or_outputs_is_valid()
    {
        var metadata = ParseValid("name: x\nruns:\n  using: docker\n");

        Assert.Empty(metadata.Inputs);
        Assert.Empty(metadata.Outputs);
    }

    [Fact]
    public void Input_key_location_is_zero_based_line_and_column()
    {
        var metadata = ParseValid("name: x\ninputs:\n  first: {}\n  second-one: {}\n");

        var location = Input(metadata, "second-one").Location;
        Assert.Equal((3, 2, 3, 12), (location.StartLine, location.StartColumn, location.EndLine, location.EndColumn));
        Assert.Equal("name: x\ninputs:\n  first: {}\n  ".Length, location.Start);
        Assert.Equal("second-one".Length, location.Length);
    }

    [Fact]
    public void Broken_yaml_gives_CAC1002_at_the_offending_line_and_column()
    {
        var result = ActionMetadataParser.Parse("/a/action.yml", "name: x\ninputs:\n  a:\n    description: 'it's broken'\n");

        Assert.Null(result.Metadata);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("CAC1002", diagnostic.Id);
        Assert.Equal("/a/action.yml", diagnostic.Location!.FilePath);
        Assert.Equal(3, diagnostic.Location.StartLine);
        Assert.Equal(21, diagnostic.Location.StartColumn);
        Assert.Equal("action.yml", diagnostic.MessageArguments[0]);
        Assert.DoesNotContain("Line:", diagnostic.MessageArguments[1]);
    }

    [Fact]
    public void Crlf_files_locate_errors_at_the_same_line_and_column_with_the_right_offset()
    {
        var text = "name: x\r\ninputs:\r\n  a:\r\n    description: 'it's broken'\r\n";

        var location = ActionMetadataParser.Parse("/a/action.yml", text).Diagnostics.Single().Location!;

        Assert.Equal((3, 21), (location.StartLine, location.StartColumn));
        Assert.Equal(text.IndexOf("s broken", System.StringComparison.Ordinal), location.Start);
    }

    [Fact]
    public void Duplicate_input_names_give_CAC1003_at_the_second_key()
    {
        var result = ActionMetadataParser.Parse("/a/action.yml", "inputs:\n  dup: {}\n  other: {}\n  dup: {}\n");

        Assert.Null(result.Metadata);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("CAC1003", diagnostic.Id);
        Assert.Equal("dup", diagnostic.MessageArguments[0]);
        Assert.Equal((3, 2), (diagnostic.Location!.StartLine, diagnostic.Location.StartColumn));
    }

    [Fact]
    public void Duplicate_output_names_give_CAC1003()
    {
        var result = ActionMetadataParser.Parse("/a/action.yml", "outputs:\n  out:\n    description: a\n  out:\n    description: b\n");

        Assert.Equal("CAC1003", Assert.Single(result.Diagnostics).Id);
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("- a\n- b\n", 0)]
    [InlineData("inputs:\n  - a\n", 1)]
    [InlineData("inputs:\n  a: [1, 2]\n", 1)]
    [InlineData("inputs:\n  a:\n    description: [x]\n", 2)]
    public void Wrong_shapes_give_CAC1010_instead_of_throwing(string yaml, int line)
    {
        var result = ActionMetadataParser.Parse("/a/action.yml", yaml);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("CAC1010", diagnostic.Id);
        Assert.Equal(line, diagnostic.Location!.StartLine);
    }

    [Fact]
    public void Every_truncation_of_a_real_file_parses_or_gives_a_located_diagnostic_without_throwing()
    {
        var text = System.IO.File.ReadAllText(TestSupport.RepositoryPaths.ActionYml);
        for (var length = 0; length <= text.Length; length += 37)
        {
            var result = ActionMetadataParser.Parse("/a/action.yml", text[..length]);

            Assert.True(result.Metadata is not null || result.Diagnostics.Count > 0, "silent failure at length " + length);
            Assert.All(result.Diagnostics, d => Assert.NotNull(d.Location));
        }
    }
}
