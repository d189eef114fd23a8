using System;
using System.Globalization;
using System.Linq;
using Cac.Generator.Model;

namespace Cac.Generator.Parsing;

/// <summary>
/// The value grammar of typed inputs, used to check defaults at build time. The emitted <c>Load</c> applies
/// the same rules at run time; keep the two in step (the behaviour tests cover both).
/// </summary>
public static class ScalarSyntax
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

    /// <summary>An optional sign and ASCII digits only, within <see cref="int"/> range.</summary>
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

    /// <summary>Whether a single (trimmed) value is accepted by a scalar type.</summary>
    public static bool IsValidScalar(InputType type, string text) => type.Kind switch
    {
        InputKind.String => true,
        InputKind.Boolean => TryParseBoolean(text, out _),
        InputKind.Integer => type.NamedValues.Any(n => n.Name == text) || TryParseInteger(text, out _),
        InputKind.Number => TryParseNumber(text, out _),
        InputKind.Enum => type.AllowedValues.Contains(text),
        _ => false,
    };

    /// <summary>The items of a list value: split on the separator, trimmed, empty items dropped.</summary>
    public static string[] SplitList(string text, string separator) =>
        text.Split(new[] { separator }, StringSplitOptions.None)
            .Select(item => item.Trim())
            .Where(item => item.Length > 0)
            .ToArray();

    /// <summary>
    /// The first part of <paramref name="text"/> the type rejects (the whole text for scalars, an item for
    /// lists), or <c>null</c> when the type accepts it.
    /// </summary>
    public static string? FindInvalidPart(InputType type, string text)
    {
        if (type.Kind != InputKind.List)
        {
            return IsValidScalar(type, text) ? null : text;
        }

        var itemType = type.ElementType;
        return SplitList(text, type.Separator ?? ",").FirstOrDefault(item => !IsValidScalar(itemType, item));
    }

    /// <summary>How the type is named in messages, e.g. <c>integer</c> or <c>list of boolean</c>.</summary>
    public static string Describe(InputType type) => type.Kind switch
    {
        InputKind.List => "list of " + Describe(type.ElementType),
        InputKind.Enum => "enum (" + string.Join(", ", type.AllowedValues) + ")",
        _ => type.Kind.ToString().ToLowerInvariant(),
    };
}
