using System.Linq;
using Cac.Generator.Model;
using Cac.Generator.Parsing;

namespace Cac.Generator.Emitting;

/// <summary>Emits <c>ActionInputs.g.cs</c>: one property per input and a <c>Load</c> that validates them all.</summary>
public static class InputsEmitter
{
    /// <summary>The stable hint name.</summary>
    public const string HintName = "ActionInputs.g.cs";

    private const string Environment = AbstractionTypes.Environment;
    private const string Masker = AbstractionTypes.Masker;
    private const string ErrorList = AbstractionTypes.ErrorList;

    /// <summary>The source text of <c>ActionInputs.g.cs</c>.</summary>
    public static string Emit(ActionSpec spec) => GeneratedFile.Write(spec, writer =>
    {
        writer.Summary("The inputs of the action, read from the INPUT_* variables the runner sets (see action.yml).")
            .Line(GeneratedFile.GeneratedCodeAttribute)
            .Line("public sealed partial class ActionInputs")
            .Open();
        WriteConstructor(writer, spec);
        foreach (var input in spec.Inputs)
        {
            writer.Line();
            WriteProperty(writer, input);
        }

        writer.Line();
        WriteLoad(writer);
        writer.Line();
        WriteConstants(writer, spec, "Names", "The input names as written in action.yml.", i => i.Name);
        writer.Line();
        WriteConstants(writer, spec, "EnvironmentVariables", "The variables the runner passes the inputs in.", i => i.EnvironmentVariable);
        foreach (var input in spec.Inputs.Where(i => i.Type.ElementType.Kind == InputKind.Enum))
        {
            writer.Line();
            WriteEnum(writer, input);
        }

        InputReadersWriter.Write(writer, spec);
        writer.Close();
    });

    private static void WriteConstructor(SourceWriter writer, ActionSpec spec)
    {
        var hasDeprecated = spec.Inputs.Any(i => i.DeprecationMessage is not null);
        writer.Line("private ActionInputs(" + Environment + " environment, " + Masker + " masker, " + ErrorList + " errors)")
            .Open();
        if (hasDeprecated)
        {
            // Deprecated inputs are still loaded; only code that reads them should be warned.
            writer.Line("#pragma warning disable CS0618");
        }

        foreach (var input in spec.Inputs)
        {
            writer.Line(input.MemberName + " = " + ReadExpression(input) + ";");
        }

        if (hasDeprecated)
        {
            writer.Line("#pragma warning restore CS0618");
        }

        writer.Close();
    }

    private static string ReadExpression(InputSpec input)
    {
        var common = "environment, EnvironmentVariables." + input.MemberName + ", Names." + input.MemberName + ", " +
            (input.FailsWhenMissing ? "true" : "false");
        switch (input.Type.Kind)
        {
            case InputKind.String when input.IsSecret:
                return "Read_Secret(" + common + ", " + StringFallback(input) + ", masker, errors)";
            case InputKind.String:
                return "Read_String(" + common + ", " + StringFallback(input) + ", errors)";
            case InputKind.List:
                var element = InputTypeNames.ElementType(input);
                var fallback = input.LoadDefault is null
                    ? "global::System.Array.Empty<" + element + ">()"
                    : "new " + element + "[] { " + string.Join(", ", ScalarSyntax.SplitList(input.LoadDefault, input.Type.Separator!)
                        .Select(item => InputTypeNames.Literal(input, item))) + " }";
                return "Read_List<" + element + ">(" + common + ", " + CSharpText.StringLiteral(input.Type.Separator!) + ", " +
                    InputTypeNames.ParserMethod(input) + ", " + fallback + ", errors)";
            default:
                var read = "Read_Scalar<" + InputTypeNames.ElementType(input) + ">(" + common + ", " + InputTypeNames.ParserMethod(input) + ", errors)";
                return input.LoadDefault is null ? read : read + " ?? " + InputTypeNames.Literal(input, input.LoadDefault);
        }
    }

    private static string StringFallback(InputSpec input) =>
        CSharpText.StringLiteral(input.LoadDefault ?? string.Empty);

    private static void WriteProperty(SourceWriter writer, InputSpec input)
    {
        var remarks = "Input '" + input.Name + "' (" + input.EnvironmentVariable + ")" +
            (input.Required ? ", required" : string.Empty) +
            (input.Default is null ? string.Empty : ", default '" + input.Default + "'") +
            (input.IsSecret ? "; masked when loaded" : string.Empty) + ".";
        writer.Summary(input.Description.Length == 0 ? "The " + input.Name + " input." : input.Description, remarks);
        if (input.DeprecationMessage is not null)
        {
            writer.Line("[global::System.Obsolete(" + CSharpText.StringLiteral(input.DeprecationMessage) + ")]");
        }

        writer.Line("public " + InputTypeNames.PropertyType(input) + " " + input.MemberName + " { get; }");
    }

    private static void WriteLoad(SourceWriter writer)
    {
        writer.Summary(
                "Reads every input through environment, masks secret inputs with masker, and reports every invalid input at once.",
                "Never reads the process environment directly.")
            .Line("/// <exception cref=\"global::Cac.Abstractions.InputValidationException\">One or more inputs are missing or invalid; the errors are in declaration order.</exception>")
            .Line("public static ActionInputs Load(" + Environment + " environment, " + Masker + " masker)")
            .Open()
            .Line("if (environment is null)")
            .Open().Line("throw new global::System.ArgumentNullException(nameof(environment));").Close()
            .Line()
            .Line("if (masker is null)")
            .Open().Line("throw new global::System.ArgumentNullException(nameof(masker));").Close()
            .Line()
            .Line("var errors = new " + ErrorList + "();")
            .Line("var inputs = new ActionInputs(environment, masker, errors);")
            .Line("if (errors.Count > 0)")
            .Open().Line("throw new global::Cac.Abstractions.InputValidationException(errors);").Close()
            .Line()
            .Line("return inputs;")
            .Close();
    }

    private static void WriteConstants(SourceWriter writer, ActionSpec spec, string className, string summary, System.Func<InputSpec, string> value)
    {
        writer.Summary(summary)
            .Line("public static class " + className)
            .Open();
        var first = true;
        foreach (var input in spec.Inputs)
        {
            if (!first)
            {
                writer.Line();
            }

            first = false;
            writer.DocXml("summary", "<c>" + CSharpText.EscapeXml(value(input)) + "</c>")
                .Line("public const string " + input.MemberName + " = " + CSharpText.StringLiteral(value(input)) + ";");
        }

        writer.Close();
    }

    private static void WriteEnum(SourceWriter writer, InputSpec input)
    {
        writer.Summary("The allowed values of the " + input.Name + " input.")
            .Line("public enum " + input.EnumTypeName)
            .Open();
        foreach (var member in input.EnumMembers)
        {
            writer.DocXml("summary", "<c>" + CSharpText.EscapeXml(member.Value) + "</c>")
                .Line(member.MemberName + ",");
        }

        writer.Close();
    }
}
