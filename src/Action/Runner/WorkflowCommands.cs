using System;
using System.Collections.Generic;
using System.Text;

namespace Cac.Action.Runner;

/// <summary>
/// Formats workflow commands (<c>::name key=value::data</c>) the way the runner parses them back. The
/// escaping must round-trip exactly: a stray <c>%0A</c> left unescaped would end the command early and let
/// the rest of a message be read as a new command.
/// </summary>
public static class WorkflowCommands
{
    private const string MissingCommand = "missing.command";

    /// <summary>Formats <c>::command::data</c>.</summary>
    public static string Format(string command, string data) => Format(command, null, data);

    /// <summary>
    /// Formats <c>::command key=value,key2=value2::data</c>. Properties whose value is null or empty are
    /// left out, as the toolkit does; with none left the space after the name is left out too.
    /// </summary>
    public static string Format(string command, IEnumerable<KeyValuePair<string, string?>>? properties, string data)
    {
        ArgumentNullException.ThrowIfNull(data);

        var builder = new StringBuilder("::");
        builder.Append(string.IsNullOrEmpty(command) ? MissingCommand : command);

        if (properties is not null)
        {
            var first = true;
            foreach (var property in properties)
            {
                if (string.IsNullOrEmpty(property.Value))
                {
                    continue;
                }

                builder.Append(first ? ' ' : ',');
                first = false;
                builder.Append(property.Key).Append('=').Append(EscapeProperty(property.Value));
            }
        }

        builder.Append("::").Append(EscapeData(data));
        return builder.ToString();
    }

    /// <summary>Escapes the data part: <c>%</c>, CR and LF.</summary>
    public static string EscapeData(string value)
    {
        ArgumentNullException.ThrowIfNull(value);

        // '%' goes first so the escapes added afterwards are not escaped again.
        return value
            .Replace("%", "%25", StringComparison.Ordinal)
            .Replace("\r", "%0D", StringComparison.Ordinal)
            .Replace("\n", "%0A", StringComparison.Ordinal);
    }

    /// <summary>Escapes a property value: as data, plus <c>:</c> and <c>,</c>, which delimit properties.</summary>
    public static string EscapeProperty(string value) =>
        EscapeData(value)
            .Replace(":", "%3A", StringComparison.Ordinal)
            .Replace(",", "%2C", StringComparison.Ordinal);
}
