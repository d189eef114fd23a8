using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Cac.Generator.Model;

namespace Cac.Generator.Emitting;

/// <summary>
/// Renders the Markdown input and output tables (for the README, through tools/ActionDocs) and emits them as
/// constants in <c>ActionDocs.g.cs</c>. One implementation for both, so they cannot drift.
/// </summary>
public static class DocsEmitter
{
    /// <summary>The stable hint name.</summary>
    public const string HintName = "ActionDocs.g.cs";

    private static readonly Regex ParagraphBreak = new(@"\n[ \t]*(\n[ \t]*)+", RegexOptions.CultureInvariant);

    /// <summary>
    /// <c>| Name | Description | Required | Default |</c>, one row per input, in declaration order; an input with a
    /// fallback says which variable it falls back to, from action-fallbacks.yml.
    /// </summary>
    public static string InputsTable(ActionSpec spec)
    {
        var table = new StringBuilder()
            .Append("| Name | Description | Required | Default |\n")
            .Append("| --- | --- | --- | --- |\n");
        foreach (var input in spec.Inputs)
        {
            var description = Cell(input.Description);
            if (input.FallbackVariable is not null)
            {
                // The runner passes the default when the workflow does not set the input, so only an input set to
                // an empty value reaches the fallback then.
                var fallback = "Falls back to the `" + input.FallbackVariable + "` environment variable when " +
                    (input.Default is null ? "empty." : "set to an empty value.");
                description = description.Length == 0 ? fallback : description + " " + fallback;
            }

            if (input.DeprecationMessage is not null)
            {
                var notice = "**Deprecated:** " + Cell(input.DeprecationMessage);
                description = description.Length == 0 ? notice : notice + "<br><br>" + description;
            }

            table.Append("| ").Append(Code(input.Name)).Append(input.DeprecationMessage is null ? string.Empty : " (deprecated)")
                .Append(" | ").Append(description)
                .Append(" | ").Append(input.Required ? "yes" : "no")
                .Append(" | ").Append(input.Default is null ? string.Empty : DefaultCell(input.Default))
                .Append(" |\n");
        }

        return table.ToString();
    }

    /// <summary><c>| Name | Description |</c>, one row per output, in declaration order.</summary>
    public static string OutputsTable(ActionSpec spec)
    {
        var table = new StringBuilder()
            .Append("| Name | Description |\n")
            .Append("| --- | --- |\n");
        foreach (var output in spec.Outputs)
        {
            table.Append("| ").Append(Code(output.Name)).Append(" | ").Append(Cell(output.Description)).Append(" |\n");
        }

        return table.ToString();
    }

    /// <summary>The source text of <c>ActionDocs.g.cs</c>.</summary>
    public static string Emit(ActionSpec spec) => GeneratedFile.Write(spec, writer => writer
        .Summary("The Markdown tables of the action's inputs and outputs, as in the README.")
        .Line(GeneratedFile.GeneratedCodeAttribute)
        .Line("public static class ActionDocs")
        .Open()
        .Summary("| Name | Description | Required | Default |, one row per input.")
        .Line("public const string InputsTable = " + CSharpText.StringLiteral(InputsTable(spec)) + ";")
        .Line()
        .Summary("| Name | Description |, one row per output.")
        .Line("public const string OutputsTable = " + CSharpText.StringLiteral(OutputsTable(spec)) + ";")
        .Close());

    /// <summary>
    /// One table cell: blank-line paragraph breaks become <c>&lt;br&gt;&lt;br&gt;</c>, other line breaks
    /// <c>&lt;br&gt;</c> (folded YAML has already joined the lines that were only wrapped), pipes are escaped.
    /// </summary>
    public static string Cell(string text)
    {
        var normalized = string.Join("\n", CSharpText.SplitLines(text.Trim()).Select(line => line.TrimEnd()));
        normalized = ParagraphBreak.Replace(normalized, "<br><br>");
        return normalized.Replace("\n", "<br>").Replace("|", "\\|");
    }

    private static string Code(string text)
    {
        var fence = text.IndexOf('`') >= 0 ? "``" : "`";
        var padding = fence.Length == 2 ? " " : string.Empty;
        return fence + padding + text.Replace("|", "\\|") + padding + fence;
    }

    /// <summary>
    /// Defaults are shown as code; control characters are shown as escapes (a "\n" default would otherwise be
    /// invisible), and an empty or space-padded default is quoted so it can be seen.
    /// </summary>
    private static string DefaultCell(string value)
    {
        var visible = value.Replace("\r", "\\r").Replace("\n", "\\n").Replace("\t", "\\t");
        if (value.Length == 0 || value.Trim().Length != value.Length)
        {
            visible = "\"" + visible + "\"";
        }

        return Code(visible);
    }
}
