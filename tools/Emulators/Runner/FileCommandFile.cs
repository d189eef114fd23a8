using System;
using System.Collections.Generic;
using System.IO;

namespace Cac.Emulators.Runner;

/// <summary>
/// Reads a file-command file (GITHUB_ENV, GITHUB_OUTPUT, GITHUB_STATE) the way the runner does:
/// <c>name&lt;&lt;DELIMITER</c>, value lines, the delimiter; or the single-line <c>name=value</c> form.
/// </summary>
public static class FileCommandFile
{
    /// <summary>Every entry in file order (a name set twice appears twice).</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Read(string path)
    {
        var entries = new List<KeyValuePair<string, string>>();
        if (!File.Exists(path))
        {
            return entries;
        }

        var lines = File.ReadAllText(path).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Length == 0)
            {
                continue;
            }

            var heredoc = line.IndexOf("<<", StringComparison.Ordinal);
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (heredoc > 0 && (equals < 0 || heredoc < equals))
            {
                var name = line[..heredoc];
                var delimiter = line[(heredoc + 2)..];
                var value = new List<string>();
                for (i++; i < lines.Length && lines[i] != delimiter; i++)
                {
                    value.Add(lines[i]);
                }

                if (i >= lines.Length)
                {
                    throw new InvalidDataException($"Matching delimiter not found '{delimiter}' in {path}");
                }

                entries.Add(new(name, string.Join("\n", value)));
            }
            else if (equals > 0)
            {
                entries.Add(new(line[..equals], line[(equals + 1)..]));
            }
            else
            {
                throw new InvalidDataException($"Invalid file-command line in {path}: '{line}'");
            }
        }

        return entries;
    }
}
