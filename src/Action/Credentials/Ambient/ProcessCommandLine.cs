using System.Collections.Generic;
using System.Text;

namespace Cac.Action.Credentials.Ambient;

/// <summary>
/// Splits a <c>credential_process</c> value into the program and its arguments without a shell: white space
/// separates elements, double quotes group an element that holds spaces (and are removed), <c>\"</c> inside
/// quotes is a quote. Nothing else is special: no variables, no <c>~</c>, no globs, no pipes, so the line
/// means the same on every platform. The JavaScript SDK hands the line to a shell (<c>/bin/sh</c>, or
/// <c>cmd.exe</c> on Windows), where quoting rules differ per platform and a stray <c>;</c> or <c>&amp;</c>
/// runs a second command; botocore splits the line itself, as here. See docs/ambient-credentials.md.
/// </summary>
public static class ProcessCommandLine
{
    /// <summary>The elements, or <c>null</c> with <paramref name="problem"/> set for an unbalanced quote or an empty line.</summary>
    public static IReadOnlyList<string>? Split(string line, out string? problem)
    {
        var elements = new List<string>();
        var current = new StringBuilder();
        var inQuotes = false;
        var started = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (inQuotes && c == '\\' && i + 1 < line.Length && line[i + 1] == '"')
            {
                current.Append('"');
                i++;
            }
            else if (c == '"')
            {
                inQuotes = !inQuotes;
                started = true;
            }
            else if (!inQuotes && char.IsWhiteSpace(c))
            {
                if (started)
                {
                    elements.Add(current.ToString());
                    current.Clear();
                    started = false;
                }
            }
            else
            {
                current.Append(c);
                started = true;
            }
        }

        if (inQuotes)
        {
            problem = "credential_process has an unbalanced double quote";
            return null;
        }

        if (started)
        {
            elements.Add(current.ToString());
        }

        if (elements.Count == 0 || elements[0].Length == 0)
        {
            problem = "credential_process names no program";
            return null;
        }

        problem = null;
        return elements;
    }
}
