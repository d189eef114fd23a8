using System;
using System.Globalization;
using System.Linq;

namespace Cac.Abstractions;

/// <summary>
/// The value grammar of typed inputs, in one place: the generated <c>Load</c> parses values with it at run time,
/// and the generator checks <c>action.yml</c> defaults with it at build time.
/// </summary>
public static class InputSyntax
{
    /// <summary>Whether <paramref name="text"/> is one of the six YAML 1.2 core-schema booleans.</summary>
    public static bool TryParseBoolean(string text, out bool value)
    {
        switch (text)
        {
            case "true" or "True" or "TRUE":
                value = true;
                return true;
            case "false" or "False" or "FALSE":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }

    /// <summary>An optional sign and ASCII digits only (no hex, decimals, spaces or other digits), within <see cref="int"/> range.</summary>
    public static bool TryParseInteger(string text, out int value)
    {
        value = 0;
        var digitsStart = text.Length > 0 && text[0] is '+' or '-' ? 1 : 0;
        if (digitsStart == text.Length)
        {
            return false;
        }

        for (var i = digitsStart; i < text.Length; i++)
        {
            if (text[i] is < '0' or > '9')
            {
                return false;
            }
        }

        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>A finite decimal number in invariant notation, exponent allowed.</summary>
    public static bool TryParseNumber(string text, out double value)
    {
        const NumberStyles Styles = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;
        if (double.TryParse(text, Styles, CultureInfo.InvariantCulture, out value) &&
            !double.IsNaN(value) && !double.IsInfinity(value))
        {
            return true;
        }

        value = 0;
        return false;
    }

    /// <summary>The items of a list value: split on <paramref name="separator"/>, each trimmed, empty items dropped.</summary>
    public static string[] SplitList(string text, string separator) =>
        text.Split(new[] { separator }, StringSplitOptions.None)
            .Select(item => item.Trim())
            .Where(item => item.Length > 0)
            .ToArray();
}
