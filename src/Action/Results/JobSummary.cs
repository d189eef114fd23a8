using System;
using System.Text;

namespace Cac.Action.Results;

/// <summary>
/// The job summary's table. Its values come from outside the action (the identity from STS's answer,
/// the endpoint and region from inputs and the environment), and the summary is Markdown that GitHub
/// renders with HTML allowed, so each value is shown as a code span: inside one, Markdown, HTML, links,
/// mentions and math are all literal. What a code span cannot contain is made safe first: line breaks
/// (they would end the table row) become spaces, a pipe (it would end the cell even there) is escaped, and
/// the fence is longer than any run of backticks in the value. See docs/file-safety.md.
/// </summary>
public sealed class JobSummary
{
    private readonly StringBuilder builder = new();

    public JobSummary(string heading)
    {
        ArgumentNullException.ThrowIfNull(heading);
        builder.Append("### ").Append(heading).Append("\n\n| | |\n|---|---|\n");
    }

    /// <summary>Adds a row showing <paramref name="value"/> as text from outside (empty: a dash).</summary>
    public JobSummary Row(string label, string value) => Add(label, value.Length == 0 ? "-" : Cell(value));

    /// <summary>Adds a row with words of the action's own (no value from outside).</summary>
    public JobSummary PlainRow(string label, string words) => Add(label, words);

    public override string ToString() => builder.ToString();

    /// <summary><paramref name="value"/> as a code span that stays inside one table cell.</summary>
    public static string Cell(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var text = new StringBuilder(value.Length + 8);
        var longestRun = 0;
        var run = 0;
        foreach (var c in value)
        {
            run = c == '`' ? run + 1 : 0;
            longestRun = Math.Max(longestRun, run);
            if (c == '|')
            {
                text.Append("\\|");
            }
            else
            {
                // Control characters (CR, LF, NEL, tab...) and the Unicode line and paragraph separators.
                text.Append(char.IsControl(c) || c is '\u2028' or '\u2029' ? ' ' : c);
            }
        }

        var fence = new string('`', longestRun + 1);
        var content = text.ToString();

        // A code span drops one space at each end when both are there; padding keeps the value exact and
        // keeps a backtick at either end from joining the fence.
        var pad = content.StartsWith('`') || content.EndsWith('`') || (content.StartsWith(' ') && content.EndsWith(' ') && content.Trim().Length > 0)
            ? " "
            : string.Empty;
        return fence + pad + content + pad + fence;
    }

    private JobSummary Add(string label, string cell)
    {
        builder.Append("| ").Append(label).Append(" | ").Append(cell).Append(" |\n");
        return this;
    }
}
