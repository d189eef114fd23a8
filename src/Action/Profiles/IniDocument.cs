using System;
using System.Collections.Generic;
using System.Text;

namespace Cac.Action.Profiles;

/// <summary>
/// An AWS profile file (credentials or config) as a list of its lines, so that editing one section leaves
/// every other byte alone: comments, blank lines, lines before the first section, lines we do not
/// understand and the indented lines of nested settings (<c>s3 =</c> followed by indented keys). Upstream
/// parsed into a dictionary and re-serialised, which lost all of those.
/// </summary>
/// <remarks>
/// Section headers follow upstream's rule (a trimmed line <c>[name]</c>, the name taken verbatim and
/// matched case-sensitively), extended to accept a trailing <c>#</c>/<c>;</c> comment after the header as
/// the AWS CLI does, so that such a section is found instead of silently duplicated. Any name is ordinary:
/// no reordering of numeric names, and <c>__proto__</c> is a name like any other.
/// </remarks>
public sealed class IniDocument
{
    private readonly List<string> lines;

    private IniDocument(List<string> lines, string newLine)
    {
        this.lines = lines;
        NewLine = newLine;
    }

    /// <summary>
    /// The line break used when rendering: CRLF when the parsed text's first line break was CRLF (so an
    /// edited CRLF file stays CRLF), otherwise LF.
    /// </summary>
    public string NewLine { get; }

    /// <summary>The section names in file order; a repeated name appears once per header.</summary>
    public IReadOnlyList<string> SectionNames
    {
        get
        {
            var names = new List<string>();
            foreach (var index in HeaderIndexes())
            {
                names.Add(HeaderName(lines[index])!);
            }

            return names;
        }
    }

    /// <summary>Parses <paramref name="text"/>; <c>null</c> or empty text is an empty document.</summary>
    public static IniDocument Parse(string? text)
    {
        var list = new List<string>();
        if (string.IsNullOrEmpty(text))
        {
            return new IniDocument(list, "\n");
        }

        var firstBreak = text.IndexOf('\n', StringComparison.Ordinal);
        var newLine = firstBreak > 0 && text[firstBreak - 1] == '\r' ? "\r\n" : "\n";

        foreach (var raw in text.Split('\n'))
        {
            // Strip the CR of CRLF per line, so mixed endings parse the same way and never leak a stray CR
            // into a header name or a value.
            list.Add(raw.EndsWith('\r') ? raw[..^1] : raw);
        }

        // "a\n" splits into ["a", ""]: the last empty element is the final line break, not a line.
        if (text.EndsWith('\n'))
        {
            list.RemoveAt(list.Count - 1);
        }

        return new IniDocument(list, newLine);
    }

    /// <summary>Whether a section named exactly <paramref name="name"/> exists.</summary>
    public bool Contains(string name) => FindSections(name).Count > 0;

    /// <summary>
    /// The top-level <c>key = value</c> pairs of the section (all of its headers, later keys winning), or
    /// <c>null</c> when there is no such section. Keys and values are trimmed; comments, blank lines, lines
    /// without <c>=</c> and indented continuation lines of nested settings are skipped. Meant for reading
    /// back, not for editing: edits go through <see cref="SetSection"/>.
    /// </summary>
    public IReadOnlyDictionary<string, string>? GetValues(string name)
    {
        var sections = FindSections(name);
        if (sections.Count == 0)
        {
            return null;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var header in sections)
        {
            var keyIndent = -1;
            for (var i = header + 1; i < lines.Count && HeaderName(lines[i]) is null; i++)
            {
                var line = lines[i];
                if (IsTrivia(line))
                {
                    continue;
                }

                // As in Python's configparser (which the AWS CLI uses): a line indented deeper than the key
                // before it continues that key's value (nested settings), it is not a key of its own.
                var indent = line.Length - line.TrimStart().Length;
                if (keyIndent >= 0 && indent > keyIndent)
                {
                    continue;
                }

                var equals = line.IndexOf('=', StringComparison.Ordinal);
                if (equals <= indent)
                {
                    continue;
                }

                keyIndent = indent;
                values[line[..equals].Trim()] = line[(equals + 1)..].Trim();
            }
        }

        return values;
    }

    /// <summary>
    /// Replaces section <paramref name="name"/> with <paramref name="values"/> (in the given order, written
    /// <c>key = value</c>), dropping its old keys. An existing section keeps its place, and the blank and
    /// comment lines after its last key stay (they usually introduce the next section); later duplicates of
    /// the section are removed, since readers merge duplicates and a stale one would shadow the new keys. A
    /// new section is appended after one blank line.
    /// </summary>
    public void SetSection(string name, IReadOnlyList<KeyValuePair<string, string>> values)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(values);

        var block = new List<string>(values.Count + 1) { "[" + name + "]" };
        foreach (var (key, value) in values)
        {
            block.Add(key + " = " + value);
        }

        var sections = FindSections(name);
        if (sections.Count == 0)
        {
            TrimTrailingBlankLines();
            if (lines.Count > 0)
            {
                lines.Add(string.Empty);
            }

            lines.AddRange(block);
            return;
        }

        // Last to first, so earlier indexes stay valid.
        for (var i = sections.Count - 1; i > 0; i--)
        {
            RemoveAt(sections[i]);
        }

        var first = sections[0];
        var end = OwnedEnd(first);
        lines.RemoveRange(first, end - first);
        lines.InsertRange(first, block);
    }

    /// <summary>
    /// The section's own lines as they stand (every block of that name, header included, up to its last key),
    /// joined with <see cref="NewLine"/> and ending with one; <c>null</c> when there is no such section. With
    /// <see cref="RestoreSection"/> this puts back a section exactly as it was.
    /// </summary>
    public string? SectionText(string name)
    {
        var sections = FindSections(name);
        if (sections.Count == 0)
        {
            return null;
        }

        var builder = new StringBuilder();
        foreach (var header in sections)
        {
            for (var i = header; i < OwnedEnd(header); i++)
            {
                builder.Append(lines[i]).Append(NewLine);
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Puts back what <see cref="SectionText"/> returned: the section's lines replace its first block (later
    /// blocks of the name are removed), or are appended when it is gone; <c>null</c> removes the section.
    /// </summary>
    public void RestoreSection(string name, string? text)
    {
        if (text is null)
        {
            RemoveSection(name);
            return;
        }

        var restored = Parse(text).lines;
        var sections = FindSections(name);
        if (sections.Count == 0)
        {
            TrimTrailingBlankLines();
            if (lines.Count > 0)
            {
                lines.Add(string.Empty);
            }

            lines.AddRange(restored);
            return;
        }

        for (var i = sections.Count - 1; i > 0; i--)
        {
            RemoveAt(sections[i]);
        }

        var first = sections[0];
        lines.RemoveRange(first, OwnedEnd(first) - first);
        lines.InsertRange(first, restored);
    }

    /// <summary>Removes every section named <paramref name="name"/>; returns whether there was one.</summary>
    public bool RemoveSection(string name)
    {
        var sections = FindSections(name);
        for (var i = sections.Count - 1; i >= 0; i--)
        {
            RemoveAt(sections[i]);
        }

        return sections.Count > 0;
    }

    /// <summary>
    /// The text of the document: its lines joined with <see cref="NewLine"/>, ending with a line break
    /// (an empty document renders as the empty string).
    /// </summary>
    public string Render()
    {
        if (lines.Count == 0)
        {
            return string.Empty;
        }

        var builder = new StringBuilder();
        foreach (var line in lines)
        {
            builder.Append(line).Append(NewLine);
        }

        return builder.ToString();
    }

    /// <summary>The section name of a header line, or <c>null</c> when the line is not a header.</summary>
    internal static string? HeaderName(string line)
    {
        var trimmed = line.Trim();
        if (!trimmed.StartsWith('['))
        {
            return null;
        }

        var close = trimmed.IndexOf(']', StringComparison.Ordinal);
        if (close < 0)
        {
            return null;
        }

        var rest = trimmed[(close + 1)..].TrimStart();
        if (rest.Length > 0 && rest[0] != '#' && rest[0] != ';')
        {
            return null;
        }

        // Not trimmed, as upstream: "[ dev ]" is the section " dev ".
        return trimmed[1..close];
    }

    private static bool IsTrivia(string line)
    {
        var trimmed = line.TrimStart();
        return trimmed.Length == 0 || trimmed[0] == '#' || trimmed[0] == ';';
    }

    private IEnumerable<int> HeaderIndexes()
    {
        for (var i = 0; i < lines.Count; i++)
        {
            if (HeaderName(lines[i]) is not null)
            {
                yield return i;
            }
        }
    }

    private List<int> FindSections(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var found = new List<int>();
        foreach (var index in HeaderIndexes())
        {
            if (string.Equals(HeaderName(lines[index]), name, StringComparison.Ordinal))
            {
                found.Add(index);
            }
        }

        return found;
    }

    /// <summary>
    /// The end (exclusive) of what the section at <paramref name="header"/> owns: its header and lines up
    /// to its last non-blank, non-comment line. Blank and comment lines after that are left to whatever
    /// follows.
    /// </summary>
    private int OwnedEnd(int header)
    {
        var next = header + 1;
        while (next < lines.Count && HeaderName(lines[next]) is null)
        {
            next++;
        }

        var end = header + 1;
        for (var i = header + 1; i < next; i++)
        {
            if (!IsTrivia(lines[i]))
            {
                end = i + 1;
            }
        }

        return end;
    }

    /// <summary>
    /// Removes the section at <paramref name="header"/> and the blank lines that would otherwise double up
    /// where it was, so that removing a section we appended gives back the original text.
    /// </summary>
    private void RemoveAt(int header)
    {
        lines.RemoveRange(header, OwnedEnd(header) - header);
        while (header < lines.Count && lines[header].Trim().Length == 0 &&
               (header == 0 || lines[header - 1].Trim().Length == 0))
        {
            lines.RemoveAt(header);
        }

        if (header >= lines.Count)
        {
            TrimTrailingBlankLines();
        }
    }

    private void TrimTrailingBlankLines()
    {
        while (lines.Count > 0 && lines[^1].Trim().Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }
    }
}
