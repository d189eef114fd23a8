using System.Linq;
using Cac.Abstractions;
using Cac.Generator.Model;

namespace Cac.Generator.Parsing;

/// <summary>
/// Checks defaults against their input's type at build time with <see cref="InputSyntax"/>, the grammar the
/// generated <c>Load</c> parses values with at run time, and names types in messages.
/// </summary>
public static class ScalarSyntax
{
    /// <summary>Whether a single (trimmed) value is accepted by a scalar type.</summary>
    public static bool IsValidScalar(InputType type, string text) => type.Kind switch
    {
        InputKind.String => true,
        InputKind.Boolean => InputSyntax.TryParseBoolean(text, out _),
        InputKind.Integer => type.NamedValues.Any(n => n.Name == text) || InputSyntax.TryParseInteger(text, out _),
        InputKind.Number => InputSyntax.TryParseNumber(text, out _),
        InputKind.Enum => type.AllowedValues.Contains(text),
        _ => false,
    };

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
        return InputSyntax.SplitList(text, type.Separator ?? ",").FirstOrDefault(item => !IsValidScalar(itemType, item));
    }

    /// <summary>How the type is named in messages, e.g. <c>integer</c> or <c>list of boolean</c>.</summary>
    public static string Describe(InputType type) => type.Kind switch
    {
        InputKind.List => "list of " + Describe(type.ElementType),
        InputKind.Enum => "enum (" + string.Join(", ", type.AllowedValues) + ")",
        _ => type.Kind.ToString().ToLowerInvariant(),
    };
}
