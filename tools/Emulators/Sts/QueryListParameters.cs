using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Cac.Emulators.Sts;

/// <summary>
/// Reads the Query protocol's flattened lists (<c>Name.member.N</c> and <c>Name.member.N.Field</c>)
/// back into lists, ordered by N.
/// </summary>
internal static class QueryListParameters
{
    public static IReadOnlyList<string> Strings(IReadOnlyDictionary<string, string> parameters, string name) =>
        Members(parameters, name).Select(member => member.Value.GetValueOrDefault(string.Empty) ?? string.Empty).ToArray();

    public static IReadOnlyList<StsTag> Tags(IReadOnlyDictionary<string, string> parameters) =>
        Members(parameters, "Tags").Select(member => new StsTag(member.Value.GetValueOrDefault("Key"), member.Value.GetValueOrDefault("Value"))).ToArray();

    public static IReadOnlyList<string> PolicyArns(IReadOnlyDictionary<string, string> parameters) =>
        Members(parameters, "PolicyArns").Select(member => member.Value.GetValueOrDefault("arn") ?? string.Empty).ToArray();

    /// <summary>Member index to its fields; a scalar member's value is stored under the empty field name.</summary>
    private static SortedDictionary<int, Dictionary<string, string>> Members(IReadOnlyDictionary<string, string> parameters, string name)
    {
        var prefix = name + ".member.";
        var members = new SortedDictionary<int, Dictionary<string, string>>();
        foreach (var (key, value) in parameters)
        {
            if (!key.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            var rest = key[prefix.Length..];
            var dot = rest.IndexOf('.', StringComparison.Ordinal);
            var indexText = dot < 0 ? rest : rest[..dot];
            if (!int.TryParse(indexText, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                continue;
            }

            if (!members.TryGetValue(index, out var fields))
            {
                fields = new Dictionary<string, string>(StringComparer.Ordinal);
                members[index] = fields;
            }

            fields[dot < 0 ? string.Empty : rest[(dot + 1)..]] = value;
        }

        return members;
    }
}
