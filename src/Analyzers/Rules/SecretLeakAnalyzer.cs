using System.Collections.Immutable;
using Cac.Analyzers.Flow;
using Cac.Analyzers.Internals;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Cac.Analyzers.Rules;

/// <summary>
/// CAC2001 (a secret reaches the log) and CAC2002 (a secret is written to an output or exported variable not
/// declared secret). One analyzer for both, so each method body is walked once: see <see cref="SecretFlow"/>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SecretLeakAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor SecretReachesLog = new(
        RuleIdentifiers.SecretReachesLog,
        "A secret reaches the log",
        "The secret from '{0}' reaches {1}, where people can read it; log something not derived from it (a Secret prints as ***)",
        RuleCategories.Security,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Text derived from a secret input, a credential or a token is passed to the console, a logger, the action's log, the job summary or an exception message.",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.SecretReachesLog));

    internal static readonly DiagnosticDescriptor SecretToPlainOutput = new(
        RuleIdentifiers.SecretToPlainOutput,
        "A secret is written where it is not declared secret",
        "The secret from '{0}' is written to {1}, which is not declared secret; declare it in {2}, or write something else",
        RuleCategories.Security,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A secret is set as a step output that Cac_SecretOutputs does not list, or exported as an environment variable that is not a secret variable.",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.SecretToPlainOutput));

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(SecretReachesLog, SecretToPlainOutput);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            if (KnownSymbols.TryCreate(start.Compilation, start.Options) is not { } symbols)
            {
                return;
            }

            var flow = new SecretFlow(symbols);
            start.RegisterOperationBlockAction(block =>
            {
                foreach (var hit in flow.Analyze(block.OperationBlocks, block.OwningSymbol, SinkKinds.Log | SinkKinds.Output | SinkKinds.Variable))
                {
                    if (Report(hit, symbols.Options) is { } diagnostic)
                    {
                        block.ReportDiagnostic(diagnostic);
                    }
                }
            });
        });
    }

    private static Diagnostic? Report(SecretFlow.SinkHit hit, ActionOptions options)
    {
        var source = new[] { hit.Source.Syntax.GetLocation() };
        if (hit.Sink.Kind == SinkKinds.Log)
        {
            return Diagnostic.Create(SecretReachesLog, hit.Location, source, hit.SourceText, hit.Sink.Description);
        }

        var name = hit.Sink.FixedName ?? NameArgument(hit);
        var isOutput = hit.Sink.Kind == SinkKinds.Output;
        var declared = name is not null && (isOutput ? options.SecretOutputs.Contains(name) : options.SecretVariables.Contains(name));
        if (declared)
        {
            return null;
        }

        var target = name is null
            ? (isOutput ? "an output" : "an exported variable") + " whose name is not a constant (" + hit.Sink.Description + ")"
            : (isOutput ? "the output '" : "the exported variable '") + name + "'";
        return Diagnostic.Create(SecretToPlainOutput, hit.Location, source, hit.SourceText, target, isOutput ? "Cac_SecretOutputs" : "Cac_SecretVariables");
    }

    private static string? NameArgument(SecretFlow.SinkHit hit)
    {
        foreach (var argument in SecretFlow.Arguments(hit.Call))
        {
            if (argument.Parameter?.Ordinal == hit.Sink.NameOrdinal)
            {
                return StringPrefix.Constant(argument.Value);
            }
        }

        return null;
    }
}
