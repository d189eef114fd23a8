using System.Globalization;
using System.Linq;
using Cac.Abstractions;
using Cac.Generator.Model;

namespace Cac.Generator.Emitting;

/// <summary>How an input's type appears in the emitted C#: type names, parsers and literals.</summary>
internal static class InputTypeNames
{
    public const string Secret = AbstractionTypes.Secret;

    private const string Parsers = AbstractionTypes.Parsers;

    /// <summary>The element's C# type: string, bool, int, double or the nested enum.</summary>
    public static string ElementType(InputSpec input) => input.Type.ElementType.Kind switch
    {
        InputKind.Boolean => "bool",
        InputKind.Integer => "int",
        InputKind.Number => "double",
        InputKind.Enum => input.EnumTypeName,
        _ => "string",
    };

    /// <summary>The property type; value types are nullable unless a default guarantees a value.</summary>
    public static string PropertyType(InputSpec input)
    {
        if (input.Type.Kind == InputKind.List)
        {
            return "global::System.Collections.Generic.IReadOnlyList<" + ElementType(input) + ">";
        }

        if (input.Type.Kind == InputKind.String)
        {
            return input.IsSecret ? Secret : "string";
        }

        return ElementType(input) + (input.LoadDefault is null ? "?" : string.Empty);
    }

    /// <summary>The parser of one value (or list item) of this input, from <c>Cac.Abstractions.InputParsers</c>.</summary>
    public static string Parser(InputSpec input)
    {
        var element = input.Type.ElementType;
        return element.Kind switch
        {
            InputKind.Boolean => Parsers + ".Boolean",
            InputKind.Integer when element.NamedValues.Count > 0 => Parsers + ".IntegerOrNamed(" + string.Join(", ", element.NamedValues.Select(n =>
                "(" + CSharpText.StringLiteral(n.Name) + ", " + n.Value.ToString(CultureInfo.InvariantCulture) + ")")) + ")",
            InputKind.Integer => Parsers + ".Integer",
            InputKind.Number => Parsers + ".Number",
            InputKind.Enum => Parsers + ".OneOf<" + input.EnumTypeName + ">(" + string.Join(", ", input.EnumMembers.Select(m =>
                "(" + CSharpText.StringLiteral(m.Value) + ", " + input.EnumTypeName + "." + m.MemberName + ")")) + ")",
            _ => Parsers + ".Text",
        };
    }

    /// <summary>A C# expression for one (already validated) value of the element type.</summary>
    public static string Literal(InputSpec input, string text)
    {
        var element = input.Type.ElementType;
        switch (element.Kind)
        {
            case InputKind.Boolean:
                InputSyntax.TryParseBoolean(text, out var flag);
                return flag ? "true" : "false";
            case InputKind.Integer:
                var named = element.NamedValues.FirstOrDefault(n => n.Name == text);
                InputSyntax.TryParseInteger(text, out var whole);
                return (named?.Value ?? whole).ToString(CultureInfo.InvariantCulture);
            case InputKind.Number:
                InputSyntax.TryParseNumber(text, out var number);
                return number.ToString("R", CultureInfo.InvariantCulture) + "d";
            case InputKind.Enum:
                return input.EnumTypeName + "." + input.EnumMembers.First(m => m.Value == text).MemberName;
            default:
                return CSharpText.StringLiteral(text);
        }
    }
}
