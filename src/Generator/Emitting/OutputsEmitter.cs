using Cac.Generator.Model;

namespace Cac.Generator.Emitting;

/// <summary>Emits <c>ActionOutputs.g.cs</c>: one setter per declared output; secret outputs mask first.</summary>
public static class OutputsEmitter
{
    /// <summary>The stable hint name.</summary>
    public const string HintName = "ActionOutputs.g.cs";

    /// <summary>The source text of <c>ActionOutputs.g.cs</c>.</summary>
    public static string Emit(ActionSpec spec) => GeneratedFile.Write(spec, writer =>
    {
        writer.Summary("The outputs of the action; only the outputs declared in action.yml can be set.")
            .Line(GeneratedFile.GeneratedCodeAttribute)
            .Line("public sealed partial class ActionOutputs")
            .Open()
            .Line("private readonly " + AbstractionTypes.Sink + " sink;")
            .Line("private readonly " + AbstractionTypes.Masker + " masker;")
            .Line()
            .Summary("Creates setters that write to sink and mask secret outputs with masker.")
            .Line("public ActionOutputs(" + AbstractionTypes.Sink + " sink, " + AbstractionTypes.Masker + " masker)")
            .Open()
            .Line("this.sink = sink ?? throw new global::System.ArgumentNullException(nameof(sink));")
            .Line("this.masker = masker ?? throw new global::System.ArgumentNullException(nameof(masker));")
            .Close();

        foreach (var output in spec.Outputs)
        {
            writer.Line();
            WriteSetter(writer, output);
        }

        writer.Line()
            .Summary("The output names as written in action.yml.")
            .Line("public static class Names")
            .Open();
        var first = true;
        foreach (var output in spec.Outputs)
        {
            if (!first)
            {
                writer.Line();
            }

            first = false;
            writer.DocXml("summary", "<c>" + CSharpText.EscapeXml(output.Name) + "</c>")
                .Line("public const string " + output.MemberName + " = " + CSharpText.StringLiteral(output.Name) + ";");
        }

        writer.Close().Close();
    });

    private static void WriteSetter(SourceWriter writer, OutputSpec output)
    {
        var summary = "Sets the " + output.Name + " output" + (output.Description.Length == 0 ? "." : ": " + output.Description);
        writer.Summary(summary, output.IsSecret ? "The value is masked before it is written." : null)
            .Line("public void Set" + output.MemberName + "(" + (output.IsSecret ? AbstractionTypes.Secret : "string") + " value)")
            .Open()
            .Line("if (value is null)")
            .Open().Line("throw new global::System.ArgumentNullException(nameof(value));").Close()
            .Line();
        if (output.IsSecret)
        {
            // The mask must reach the runner before the value can appear anywhere.
            writer.Line("masker.AddMask(value.Reveal());")
                .Line("sink.SetOutput(Names." + output.MemberName + ", value.Reveal());");
        }
        else
        {
            writer.Line("sink.SetOutput(Names." + output.MemberName + ", value);");
        }

        writer.Close();
    }
}
