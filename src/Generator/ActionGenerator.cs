using System;
using System.IO;
using Cac.Generator.Diagnostics;
using Cac.Generator.Emitting;
using Cac.Generator.Model;
using Cac.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Cac.Generator;

/// <summary>
/// Generates ActionInputs, ActionOutputs and ActionDocs from the action.yml (and the action-types.yml and
/// action-fallbacks.yml beside it) passed as AdditionalFiles. Depends only on those files and MSBuild properties,
/// never on the compilation, so editing C# code does not rerun it.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ActionGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var metadataFiles = context.AdditionalTextsProvider
            .Where(static file => IsNamed(file.Path, "action.yml", "action.yaml"))
            .Select(static (file, token) => ActionMetadataParser.Parse(file.Path, ReadText(file, token)))
            .WithTrackingName(TrackingNames.Parse)
            .Collect();

        var typingsFiles = context.AdditionalTextsProvider
            .Where(static file => IsNamed(file.Path, "action-types.yml", "action-types.yaml"))
            .Select(static (file, token) => TypingsParser.Parse(file.Path, ReadText(file, token)))
            .WithTrackingName(TrackingNames.ParseTypings)
            .Collect();

        var fallbackFiles = context.AdditionalTextsProvider
            .Where(static file => IsNamed(file.Path, "action-fallbacks.yml", "action-fallbacks.yaml"))
            .Select(static (file, token) => FallbacksParser.Parse(file.Path, ReadText(file, token)))
            .WithTrackingName(TrackingNames.ParseFallbacks)
            .Collect();

        var options = context.AnalyzerConfigOptionsProvider
            .Select(static (provider, _) => OptionsReader.Read(provider.GlobalOptions))
            .WithTrackingName(TrackingNames.Options);

        var build = metadataFiles
            .Combine(typingsFiles)
            .Combine(fallbackFiles)
            .Combine(options)
            .Select(static (input, _) => SpecBuilder.Build(input.Left.Left.Left, input.Left.Left.Right, input.Left.Right, input.Right))
            .WithTrackingName(TrackingNames.BuildSpec);

        // Separate outputs: the spec has no positions, so moving text in action.yml re-reports diagnostics
        // without re-emitting source.
        var spec = build
            .Select(static (result, _) => result.Spec)
            .WithTrackingName(TrackingNames.Spec);
        var diagnostics = build
            .Select(static (result, _) => result.Diagnostics)
            .WithTrackingName(TrackingNames.Diagnostics);

        context.RegisterSourceOutput(spec, static (output, spec) => Emit(output, spec));
        context.RegisterSourceOutput(diagnostics, static (output, diagnostics) =>
        {
            foreach (var diagnostic in diagnostics)
            {
                output.ReportDiagnostic(diagnostic.ToDiagnostic());
            }
        });
    }

    private static void Emit(SourceProductionContext output, ActionSpec? spec)
    {
        if (spec is null)
        {
            return;
        }

        output.AddSource(InputsEmitter.HintName, SourceText.From(InputsEmitter.Emit(spec), System.Text.Encoding.UTF8));
        output.AddSource(OutputsEmitter.HintName, SourceText.From(OutputsEmitter.Emit(spec), System.Text.Encoding.UTF8));
        output.AddSource(DocsEmitter.HintName, SourceText.From(DocsEmitter.Emit(spec), System.Text.Encoding.UTF8));
    }

    private static bool IsNamed(string path, string name, string alternative)
    {
        var fileName = Path.GetFileName(path);
        return string.Equals(fileName, name, StringComparison.OrdinalIgnoreCase) ||
            string.Equals(fileName, alternative, StringComparison.OrdinalIgnoreCase);
    }

    private static string ReadText(AdditionalText file, System.Threading.CancellationToken token) =>
        file.GetText(token)?.ToString() ?? string.Empty;
}
