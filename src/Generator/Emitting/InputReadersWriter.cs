using System.Linq;
using Cac.Generator.Model;

namespace Cac.Generator.Emitting;

/// <summary>
/// Writes the private helpers that <c>ActionInputs</c> reads and parses values with, only those its inputs use.
/// Their names contain an underscore, which no converted input name can, so they never collide with a property.
/// </summary>
internal static class InputReadersWriter
{
    private const string Env = AbstractionTypes.Environment;
    private const string ErrorList = AbstractionTypes.ErrorList;
    private const string Error = AbstractionTypes.Error;
    private const string Errors = AbstractionTypes.Errors;

    public static void Write(SourceWriter writer, ActionSpec spec)
    {
        var inputs = spec.Inputs;
        var elements = inputs.Select(i => i.Type.ElementType).ToList();
        bool Uses(InputKind kind) => elements.Any(e => e.Kind == kind);
        var hasScalars = inputs.Any(i => i.Type.Kind is not InputKind.String and not InputKind.List);
        var hasLists = inputs.Any(i => i.Type.Kind == InputKind.List);
        var hasSecrets = inputs.Any(i => i.Type.Kind == InputKind.String && i.IsSecret);
        var hasStrings = hasSecrets || inputs.Any(i => i.Type.Kind == InputKind.String);

        if (hasScalars || hasLists)
        {
            Block(writer, $$"""
                /// <summary>Parses one value; returns <c>null</c> on success or the error to report.</summary>
                private delegate {{Error}}? Parse_Value<T>(string name, string text, out T value);
                """);
        }

        Block(writer, $$"""
            private static string Read_Text({{Env}} environment, string variable)
            {
                var value = environment.GetVariable(variable);
                return value is null ? string.Empty : value.Trim();
            }
            """);

        if (hasStrings)
        {
            Block(writer, $$"""
                private static string Read_String({{Env}} environment, string variable, string name, bool required, string fallback, {{ErrorList}} errors)
                {
                    var text = Read_Text(environment, variable);
                    if (text.Length > 0)
                    {
                        return text;
                    }

                    if (required)
                    {
                        errors.Add({{Errors}}.Required(name));
                    }

                    return fallback;
                }
                """);
        }

        if (hasSecrets)
        {
            Block(writer, $$"""
                private static {{AbstractionTypes.Secret}} Read_Secret({{Env}} environment, string variable, string name, bool required, string fallback, {{AbstractionTypes.Masker}} masker, {{ErrorList}} errors)
                {
                    return {{AbstractionTypes.Secret}}.Create(Read_String(environment, variable, name, required, fallback, errors), masker);
                }
                """);
        }

        if (hasScalars)
        {
            Block(writer, $$"""
                private static T? Read_Scalar<T>({{Env}} environment, string variable, string name, bool required, Parse_Value<T> parse, {{ErrorList}} errors)
                    where T : struct
                {
                    var text = Read_Text(environment, variable);
                    if (text.Length == 0)
                    {
                        if (required)
                        {
                            errors.Add({{Errors}}.Required(name));
                        }

                        return null;
                    }

                    var error = parse(name, text, out var value);
                    if (error is null)
                    {
                        return value;
                    }

                    errors.Add(error);
                    return null;
                }
                """);
        }

        if (hasLists)
        {
            Block(writer, $$"""
                private static global::System.Collections.Generic.IReadOnlyList<T> Read_List<T>({{Env}} environment, string variable, string name, bool required, string separator, Parse_Value<T> parse, T[] fallback, {{ErrorList}} errors)
                {
                    var text = Read_Text(environment, variable);
                    if (text.Length == 0)
                    {
                        if (required)
                        {
                            errors.Add({{Errors}}.Required(name));
                        }

                        return fallback;
                    }

                    var items = new global::System.Collections.Generic.List<T>();
                    foreach (var part in text.Split(new[] { separator }, global::System.StringSplitOptions.None))
                    {
                        var item = part.Trim();
                        if (item.Length == 0)
                        {
                            continue;
                        }

                        var error = parse(name, item, out var value);
                        if (error is null)
                        {
                            items.Add(value);
                        }
                        else
                        {
                            errors.Add(error);
                        }
                    }

                    return items.AsReadOnly();
                }
                """);
        }

        if (inputs.Any(i => i.Type.Kind == InputKind.List && i.Type.ElementType.Kind == InputKind.String))
        {
            Block(writer, $$"""
                private static {{Error}}? Parse_String(string name, string text, out string value)
                {
                    value = text;
                    return null;
                }
                """);
        }

        if (Uses(InputKind.Boolean))
        {
            Block(writer, $$"""
                private static {{Error}}? Parse_Boolean(string name, string text, out bool value)
                {
                    switch (text)
                    {
                        case "true":
                        case "True":
                        case "TRUE":
                            value = true;
                            return null;
                        case "false":
                        case "False":
                        case "FALSE":
                            value = false;
                            return null;
                        default:
                            value = false;
                            return {{Errors}}.NotBoolean(name);
                    }
                }
                """);
        }

        if (Uses(InputKind.Integer))
        {
            Block(writer, $$"""
                private static {{Error}}? Parse_Int32(string name, string text, out int value)
                {
                    value = 0;
                    var digitsStart = text.Length > 0 && (text[0] == '+' || text[0] == '-') ? 1 : 0;
                    if (digitsStart == text.Length)
                    {
                        return {{Errors}}.NotInteger(name, text);
                    }

                    for (var i = digitsStart; i < text.Length; i++)
                    {
                        if (text[i] < '0' || text[i] > '9')
                        {
                            return {{Errors}}.NotInteger(name, text);
                        }
                    }

                    return int.TryParse(text, global::System.Globalization.NumberStyles.AllowLeadingSign, global::System.Globalization.CultureInfo.InvariantCulture, out value)
                        ? null
                        : {{Errors}}.NotInteger(name, text);
                }
                """);
        }

        if (Uses(InputKind.Number))
        {
            Block(writer, $$"""
                private static {{Error}}? Parse_Double(string name, string text, out double value)
                {
                    const global::System.Globalization.NumberStyles styles = global::System.Globalization.NumberStyles.AllowLeadingSign | global::System.Globalization.NumberStyles.AllowDecimalPoint | global::System.Globalization.NumberStyles.AllowExponent;
                    if (double.TryParse(text, styles, global::System.Globalization.CultureInfo.InvariantCulture, out value) && !double.IsNaN(value) && !double.IsInfinity(value))
                    {
                        return null;
                    }

                    value = 0;
                    return {{Errors}}.NotNumber(name, text);
                }
                """);
        }

        foreach (var input in inputs.Where(i => i.Type.ElementType is { Kind: InputKind.Integer, NamedValues.Count: > 0 }))
        {
            WriteNamedIntegerParser(writer, input);
        }

        foreach (var input in inputs.Where(i => i.Type.ElementType.Kind == InputKind.Enum))
        {
            WriteEnumParser(writer, input);
        }
    }

    private static void WriteNamedIntegerParser(SourceWriter writer, InputSpec input)
    {
        writer.Line()
            .Line("private static " + Error + "? " + InputTypeNames.ParserMethod(input) + "(string name, string text, out int value)")
            .Open()
            .Line("switch (text)")
            .Open();
        foreach (var named in input.Type.ElementType.NamedValues)
        {
            writer.Line("case " + CSharpText.StringLiteral(named.Name) + ":")
                .Line("    value = " + named.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) + ";")
                .Line("    return null;");
        }

        writer.Line("default:")
            .Line("    return Parse_Int32(name, text, out value);")
            .Close()
            .Close();
    }

    private static void WriteEnumParser(SourceWriter writer, InputSpec input)
    {
        var allowed = string.Join(", ", input.EnumMembers.Select(m => m.Value));
        writer.Line()
            .Line("private static " + Error + "? " + InputTypeNames.ParserMethod(input) + "(string name, string text, out " + input.EnumTypeName + " value)")
            .Open()
            .Line("switch (text)")
            .Open();
        foreach (var member in input.EnumMembers)
        {
            writer.Line("case " + CSharpText.StringLiteral(member.Value) + ":")
                .Line("    value = " + input.EnumTypeName + "." + member.MemberName + ";")
                .Line("    return null;");
        }

        writer.Line("default:")
            .Line("    value = default;")
            .Line("    return " + Errors + ".NotAllowed(name, text, " + CSharpText.StringLiteral(allowed) + ");")
            .Close()
            .Close();
    }

    private static void Block(SourceWriter writer, string code)
    {
        writer.Line();
        foreach (var line in code.Replace("\r\n", "\n").Split('\n'))
        {
            writer.Line(line);
        }
    }
}
