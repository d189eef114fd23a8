using System.Linq;
using Cac.Generator.Emitting;
using Cac.Generator.Model;
using Cac.Generator.Parsing;

namespace Cac.Generator.Tests.Emitting;

public class DocsEmitterTests
{
    private static ActionSpec Spec(string yaml)
    {
        var result = SpecBuilder.Build(ActionMetadataParser.Parse("/a/action.yml", yaml), null, null, GeneratorOptions.Default);
        return result.Spec!;
    }

    private static string[] Rows(string table) => table.Split('\n', System.StringSplitOptions.RemoveEmptyEntries).Skip(2).ToArray();

    [Theory]
    [InlineData("one\ntwo", "one<br>two")]
    [InlineData("one\n\n\ntwo\n", "one<br><br>two")]
    [InlineData("a | b", "a \\| b")]
    [InlineData("trailing  \nspaces", "trailing<br>spaces")]
    [InlineData("  padded  ", "padded")]
    [InlineData("crlf\r\nline", "crlf<br>line")]
    public void Cells_collapse_line_breaks_and_escape_pipes(string text, string expected) =>
        Assert.Equal(expected, DocsEmitter.Cell(text));

    [Fact]
    public void Inputs_table_has_one_row_per_input_with_required_and_default()
    {
        var table = DocsEmitter.InputsTable(Spec("""
            inputs:
              a:
                description: |
                  - first
                  - second
                required: true
              b:
                description: 'success|failed'
                default: x|y
              c:
                default: "\n"
              d:
                default: ''
              e:
                default: ${{ github.token }}
            """));

        Assert.StartsWith("| Name | Description | Required | Default |\n| --- | --- | --- | --- |\n", table, System.StringComparison.Ordinal);
        Assert.Equal(
            [
                "| `a` | - first<br>- second | yes |  |",
                "| `b` | success\\|failed | no | `x\\|y` |",
                "| `c` |  | no | `\"\\n\"` |",
                "| `d` |  | no | `\"\"` |",
                "| `e` |  | no | `${{ github.token }}` |",
            ],
            Rows(table));
    }

    [Fact]
    public void Inputs_with_a_fallback_say_which_variable()
    {
        var metadata = ActionMetadataParser.Parse("/a/action.yml", "inputs:\n  region:\n    description: The region.\n  bare: {}\n  aud: { default: x }\n");
        var fallbacks = FallbacksParser.Parse("/a/action-fallbacks.yml", "inputs:\n  region: AWS_REGION\n  bare: BARE\n  aud: AUD\n");
        var table = DocsEmitter.InputsTable(SpecBuilder.Build(metadata, null, fallbacks, GeneratorOptions.Default).Spec!);

        Assert.Equal(
            [
                "| `region` | The region. Falls back to the `AWS_REGION` environment variable when empty. | no |  |",
                "| `bare` | Falls back to the `BARE` environment variable when empty. | no |  |",
                "| `aud` | Falls back to the `AUD` environment variable when set to an empty value. | no | `x` |",
            ],
            Rows(table));
    }

    [Fact]
    public void Deprecated_inputs_are_marked()
    {
        var table = DocsEmitter.InputsTable(Spec("inputs:\n  old:\n    description: Old.\n    deprecationMessage: Use new.\n"));

        Assert.Equal("| `old` (deprecated) | **Deprecated:** Use new.<br><br>Old. | no |  |", Rows(table).Single());
    }

    [Fact]
    public void Backticks_in_defaults_use_a_double_fence()
    {
        var table = DocsEmitter.InputsTable(Spec("inputs:\n  a:\n    default: 'a`b'\n"));

        Assert.EndsWith("| `` a`b `` |", Rows(table).Single(), System.StringComparison.Ordinal);
    }

    [Fact]
    public void Outputs_table_has_one_row_per_output()
    {
        var table = DocsEmitter.OutputsTable(Spec("outputs:\n  x:\n    description: >\n      folded\n      text\n  y: {}\n"));

        Assert.Equal(["| `x` | folded text |", "| `y` |  |"], Rows(table));
    }
}
