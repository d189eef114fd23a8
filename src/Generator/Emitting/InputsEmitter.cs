using System.Linq;
using Cac.Abstractions;
using Cac.Generator.Model;

namespace Cac.Generator.Emitting;

/// <summary>
/// Emits <c>ActionInputs.g.cs</c>: one property per input, a <c>Load</c> that validates them all, and one
/// declaration per input (name, variables, type) that Cac.Abstractions reads and parses with, also usable to read
/// one input alone.
/// </summary>
public static class InputsEmitter
{
    /// <summary>The stable hint name.</summary>
    public const string HintName = "ActionInputs.g.cs";

    private const string Environment = AbstractionTypes.Environment;
    private const string Masker = AbstractionTypes.Masker;
    private const string Reader = AbstractionTypes.Reader;

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
        WriteConstants(writer, spec.Inputs, "Names", "The input names as written in action.yml.", i => i.Name);
        writer.Line();
        WriteConstants(writer, spec.Inputs, "EnvironmentVariables", "The variables the runner passes the inputs in.", i => i.EnvironmentVariable);
        writer.Line();
        WriteConstants(
            writer,
            spec.Inputs.Where(i => i.FallbackVariable is not null),
            "FallbackVariables",
            "The variables read when an input is empty (action-fallbacks.yml), for the inputs that have one.",
            i => i.FallbackVariable!);
        writer.Line();
        WriteDeclarations(writer, spec);
        foreach (var input in spec.Inputs.Where(i => i.Type.ElementType.Kind == InputKind.Enum))
        {
            writer.Line();
            WriteEnum(writer, input);
        }

        writer.Close();
    });

    private static void WriteConstructor(SourceWriter writer, ActionSpec spec)
    {
        writer.Line("private ActionInputs(" + Reader + " reader)").Open();
        WithDeprecatedInputs(writer, spec, () =>
        {
            foreach (var input in spec.Inputs)
            {
                writer.Line(input.MemberName + " = Declarations." + input.MemberName + ".Read(reader);");
            }
        });
        writer.Close();
    }

    /// <summary>Deprecated inputs are still loaded; only code that reads them should be warned.</summary>
    private static void WithDeprecatedInputs(SourceWriter writer, ActionSpec spec, System.Action body)
    {
        var hasDeprecated = spec.Inputs.Any(i => i.DeprecationMessage is not null);
        if (hasDeprecated)
        {
            writer.Line("#pragma warning disable CS0618");
        }

        body();
        if (hasDeprecated)
        {
            writer.Line("#pragma warning restore CS0618");
        }
    }

    private static void WriteProperty(SourceWriter writer, InputSpec input)
    {
        var remarks = "Input '" + input.Name + "' (" + input.EnvironmentVariable +
            (input.FallbackVariable is null ? string.Empty : "; when empty, " + input.FallbackVariable) + ")" +
            (input.Required ? ", required" : string.Empty) +
            (input.Default is null ? string.Empty : ", default '" + input.Default + "'") +
            (input.IsSecret ? "; masked when loaded" : string.Empty) + ".";
        writer.Summary(input.Description.Length == 0 ? "The " + input.Name + " input." : input.Description, remarks);
        WriteObsolete(writer, input);
        writer.Line("public " + InputTypeNames.PropertyType(input) + " " + input.MemberName + " { get; }");
    }

    private static void WriteObsolete(SourceWriter writer, InputSpec input)
    {
        if (input.DeprecationMessage is not null)
        {
            writer.Line("[global::System.Obsolete(" + CSharpText.StringLiteral(input.DeprecationMessage) + ")]");
        }
    }

    private static void WriteLoad(SourceWriter writer) =>
        writer.Summary(
                "Reads every input through environment, masks secret inputs with masker, and reports every invalid input at once.",
                "Never reads the process environment directly. To read one input without the others, use its Declarations entry.")
            .Line("/// <exception cref=\"global::Cac.Abstractions.InputValidationException\">One or more inputs are missing or invalid; the errors are in declaration order.</exception>")
            .Line("public static ActionInputs Load(" + Environment + " environment, " + Masker + " masker)")
            .Open()
            .Line("var reader = new " + Reader + "(environment, masker);")
            .Line("var inputs = new ActionInputs(reader);")
            .Line("reader.ThrowIfInvalid();")
            .Line("return inputs;")
            .Close();

    private static void WriteConstants(
        SourceWriter writer, System.Collections.Generic.IEnumerable<InputSpec> inputs, string className, string summary, System.Func<InputSpec, string> value)
    {
        writer.Summary(summary)
            .Line("public static class " + className)
            .Open();
        foreach (var input in inputs)
        {
            writer.DocXml("summary", "<c>" + CSharpText.EscapeXml(value(input)) + "</c>")
                .Line("public const string " + input.MemberName + " = " + CSharpText.StringLiteral(value(input)) + ";");
        }

        writer.Close();
    }

    private static void WriteDeclarations(SourceWriter writer, ActionSpec spec)
    {
        writer.Summary(
                "How each input is read and parsed. Read(environment, masker) on one of them reads that input alone, so code that needs it does not fail when another input is invalid.")
            .Line("public static class Declarations")
            .Open();
        foreach (var input in spec.Inputs)
        {
            writer.DocXml("summary", "<c>" + CSharpText.EscapeXml(input.Name) + "</c>");
            WriteObsolete(writer, input);
            var (type, arguments) = Declaration(input);
            writer.Line("public static readonly " + type + " " + input.MemberName + " = new " + type + "(" + arguments + ");");
        }

        writer.Close();
    }

    /// <summary>The Cac.Abstractions declaration type of the input and its constructor arguments.</summary>
    private static (string Type, string Arguments) Declaration(InputSpec input)
    {
        var common = "Names." + input.MemberName + ", EnvironmentVariables." + input.MemberName + ", " +
            (input.FallbackVariable is null ? "null" : "FallbackVariables." + input.MemberName);
        var required = "required: " + (input.FailsWhenMissing ? "true" : "false");
        var element = InputTypeNames.ElementType(input);
        switch (input.Type.Kind)
        {
            case InputKind.String:
                return (input.IsSecret ? AbstractionTypes.SecretInput : AbstractionTypes.StringInput,
                    common + ", " + required + ", " + CSharpText.StringLiteral(input.LoadDefault ?? string.Empty));
            case InputKind.List:
                var items = input.LoadDefault is null
                    ? string.Empty
                    : string.Concat(InputSyntax.SplitList(input.LoadDefault, input.Type.Separator!).Select(item => ", " + InputTypeNames.Literal(input, item)));
                return (AbstractionTypes.ListInput + "<" + element + ">",
                    common + ", " + required + ", " + CSharpText.StringLiteral(input.Type.Separator!) + ", " + InputTypeNames.Parser(input) + items);
            default:
                return input.LoadDefault is null
                    ? (AbstractionTypes.ValueInput + "<" + element + ">", common + ", " + required + ", " + InputTypeNames.Parser(input))
                    : (AbstractionTypes.DefaultedValueInput + "<" + element + ">",
                        common + ", " + InputTypeNames.Parser(input) + ", " + InputTypeNames.Literal(input, input.LoadDefault));
        }
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
