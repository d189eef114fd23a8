using System;
using System.Collections.Generic;

namespace Cac.Action.Tests.TestSupport;

/// <summary>
/// The runner's reading of <c>GITHUB_ENV</c>/<c>GITHUB_OUTPUT</c>/<c>GITHUB_STATE</c> on Linux, so tests can check
/// that what we write reads back the same: lines split on <c>\n</c>, empty lines skipped, <c>NAME=VALUE</c> when
/// the first <c>=</c> comes before the first <c>&lt;&lt;</c>, else a heredoc <c>NAME&lt;&lt;DELIM</c> whose value runs
/// to a line exactly equal to the delimiter (its last newline dropped); anything else is an error.
/// </summary>
internal static class RunnerEnvFileParser
{
    public static List<KeyValuePair<string, string>> Parse(string text)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Length == 0)
            {
                continue;
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            var heredoc = line.IndexOf("<<", StringComparison.Ordinal);
            if (equals >= 0 && (heredoc < 0 || equals < heredoc))
            {
                pairs.Add(new(line[..equals], line[(equals + 1)..]));
                continue;
            }

            if (heredoc < 0)
            {
                throw new FormatException("Invalid format '" + line + "'");
            }

            var name = line[..heredoc];
            var delimiter = line[(heredoc + 2)..];
            if (name.Length == 0 || delimiter.Length == 0)
            {
                throw new FormatException("Invalid format '" + line + "'. Name must not be empty and delimiter must not be empty");
            }

            // Every line up to the delimiter belongs to the value, empty ones included.
            var valueLines = new List<string>();
            var found = false;
            for (i++; i < lines.Length; i++)
            {
                if (string.Equals(lines[i], delimiter, StringComparison.Ordinal))
                {
                    found = true;
                    break;
                }

                valueLines.Add(lines[i]);
            }

            if (!found)
            {
                throw new FormatException("Invalid value. Matching delimiter not found '" + delimiter + "'");
            }

            pairs.Add(new(name, string.Join('\n', valueLines)));
        }

        return pairs;
    }
}
