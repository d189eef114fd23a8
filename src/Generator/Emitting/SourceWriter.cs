using System;
using System.Text;

namespace Cac.Generator.Emitting;

/// <summary>Builds C# text with four-space indentation and LF line endings, whatever the platform.</summary>
public sealed class SourceWriter
{
    private readonly StringBuilder builder = new();
    private int depth;

    /// <summary>Writes one line at the current indentation; an empty line has no trailing spaces.</summary>
    public SourceWriter Line(string text = "")
    {
        if (text.Length > 0)
        {
            builder.Append(' ', depth * 4).Append(text);
        }

        builder.Append('\n');
        return this;
    }

    /// <summary>Writes <c>{</c> and indents.</summary>
    public SourceWriter Open()
    {
        Line("{");
        depth++;
        return this;
    }

    /// <summary>Outdents and writes <c>}</c> followed by <paramref name="suffix"/>.</summary>
    public SourceWriter Close(string suffix = "")
    {
        if (depth == 0)
        {
            throw new InvalidOperationException("Close without Open.");
        }

        depth--;
        return Line("}" + suffix);
    }

    /// <summary>Writes an XML doc <c>summary</c> (and optional <c>remarks</c>) from plain text.</summary>
    public SourceWriter Summary(string text, string? remarks = null)
    {
        WriteDocElement("summary", text);
        if (!string.IsNullOrEmpty(remarks))
        {
            WriteDocElement("remarks", remarks!);
        }

        return this;
    }

    /// <summary>An XML doc element whose content is already valid XML (e.g. contains <c>&lt;c&gt;</c>).</summary>
    public SourceWriter DocXml(string element, string xml) => Line("/// <" + element + ">" + xml + "</" + element + ">");

    /// <inheritdoc />
    public override string ToString() => builder.ToString();

    private void WriteDocElement(string element, string text)
    {
        var lines = CSharpText.SplitLines(text.Trim());
        if (lines.Length == 1)
        {
            Line("/// <" + element + ">" + CSharpText.EscapeXml(lines[0]) + "</" + element + ">");
            return;
        }

        Line("/// <" + element + ">");
        foreach (var line in lines)
        {
            Line(("/// " + CSharpText.EscapeXml(line)).TrimEnd());
        }

        Line("/// </" + element + ">");
    }
}
