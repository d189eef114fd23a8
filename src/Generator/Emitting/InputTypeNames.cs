using System.Globalization;
using System.Linq;
using Cac.Generator.Model;
using Cac.Generator.Parsing;

namespace Cac.Generator.Emitting;

/// <summary>How an input's type appears in the emitted C#: type names, parser method names and literals.</summary>
internal static class InputTypeNames
{
    public const string Secret = AbstractionTypes.Secret;

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

    /// <summary>The emitted method that parses one value (or list item) of this input.</summary>
    public static string ParserMethod(InputSpec input)
    {
        var element = input.Type.ElementType;
        return element.Kind switch
        {
            InputKind.Boolean => "Parse_Boolean",
            InputKind.Integer when element.NamedValues.Count > 0 => "Parse_" + input.MemberName.TrimStart('@'),
            InputKind.Integer => "Parse_Int32",
            InputKind.Number => "Parse_Double",
            InputKind.Enum => "Parse_" + input.EnumTypeName,
            _ => "Parse_String",
        };
    }

    /// <summary>A C# expression for one (already validated) value of the element type.</summary>
    public static string Literal(InputSpec input, string text)
    {
        var element = input.Type.ElementType;
        switch (element.Kind)
        {
            case InputKind.Boolean:
                ScalarSyntax.TryParseBoolean(text, out var flag);
                return flag ? "true" : "false";
            case InputKind.Integer:
                var named = element.NamedValues.FirstOrDefault(n => n.Name == text);
                ScalarSyntax.TryParseInteger(text, out var whole);
                return (named?.Value ?? whole).ToString(CultureInfo.InvariantCulture);
            case InputKind.Number:
                ScalarSyntax.TryParseNumber(text, out var number);
                return number.ToString("R", CultureInfo.InvariantCulture) + "d";
            case InputKind.Enum:
                return input.EnumTypeName + "." + input.EnumMembers.First(m => m.Value == text).MemberName;
            default:
                return CSharpText.StringLiteral(text);
        }
    }
}
