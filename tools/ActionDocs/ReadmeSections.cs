using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace Cac.Tools.ActionDocs;

/// <summary>
/// The generated parts of a README: the text between <c>&lt;!-- action-docs-{name} --&gt;</c> and
/// <c>&lt;!-- /action-docs-{name} --&gt;</c>. Everything outside the markers is left exactly as it is.
/// </summary>
internal static class ReadmeSections
{
    /// <summary>The README with each named section replaced; <paramref name="missing"/> lists sections without markers.</summary>
    public static string Replace(string readme, IReadOnlyDictionary<string, string> sections, out List<string> missing)
    {
        missing = new List<string>();
        foreach (var section in sections)
        {
            var pattern = new Regex(
                "(<!--\\s*action-docs-" + Regex.Escape(section.Key) + "\\b[^>]*-->)(.*?)(<!--\\s*/action-docs-" + Regex.Escape(section.Key) + "\\s*-->)",
                RegexOptions.Singleline | RegexOptions.CultureInvariant);
            if (!pattern.IsMatch(readme))
            {
                missing.Add(section.Key);
                continue;
            }

            var body = "\n" + section.Value.TrimEnd('\n') + "\n";
            readme = pattern.Replace(readme, match => match.Groups[1].Value + body + match.Groups[3].Value, 1);
        }

        return readme;
    }

    /// <summary>The sections whose text differs between two READMEs.</summary>
    public static List<string> Differences(string current, string expected, IEnumerable<string> names)
    {
        var stale = new List<string>();
        foreach (var name in names)
        {
            if (Extract(current, name) != Extract(expected, name))
            {
                stale.Add(name);
            }
        }

        return stale;
    }

    private static string? Extract(string readme, string name)
    {
        var match = Regex.Match(
            readme.Replace("\r\n", "\n"),
            "<!--\\s*action-docs-" + Regex.Escape(name) + "\\b[^>]*-->(.*?)<!--\\s*/action-docs-" + Regex.Escape(name) + "\\s*-->",
            RegexOptions.Singleline | RegexOptions.CultureInvariant);
        return match.Success ? match.Groups[1].Value : null;
    }
}
