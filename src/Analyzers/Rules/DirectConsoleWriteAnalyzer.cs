using System.Collections.Immutable;
using Cac.Analyzers.Internals;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Cac.Analyzers.Rules;

/// <summary>
/// CAC3002: <c>Console.Write*</c>, <c>Console.Out</c>, <c>Console.Error</c>,
/// <c>Console.OpenStandardOutput/Error</c> outside the one type marked <c>[ConsoleOwner]</c>. The action's
/// log is the only writer that redacts masked values and keeps outside text from becoming workflow commands.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DirectConsoleWriteAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = new(
        RuleIdentifiers.DirectConsoleWrite,
        "Direct write to standard output or error",
        "{0} writes to the process's standard {1} around the action's log, which masks secrets and neutralises workflow commands; write through the log",
        RuleCategories.Usage,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Only the type marked [ConsoleOwner] (the one the log writes through) may touch the process's standard output and error.",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.DirectConsoleWrite));

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            if (KnownSymbols.TryCreate(start.Compilation, start.Options) is not { Console: { } console } symbols)
            {
                return;
            }

            start.RegisterOperationAction(
                c =>
                {
                    var method = ((IInvocationOperation)c.Operation).TargetMethod;
                    if (SymbolEqualityComparer.Default.Equals(method.ContainingType, console) && Stream(method.Name) is { } stream)
                    {
                        Report(c, symbols, "Console." + method.Name, stream);
                    }
                },
                OperationKind.Invocation);
            start.RegisterOperationAction(
                c =>
                {
                    var property = ((IPropertyReferenceOperation)c.Operation).Property;
                    if (SymbolEqualityComparer.Default.Equals(property.ContainingType, console) && property.Name is "Out" or "Error")
                    {
                        Report(c, symbols, "Console." + property.Name, property.Name == "Out" ? "output" : "error");
                    }
                },
                OperationKind.PropertyReference);
        });
    }

    private static string? Stream(string method) => method switch
    {
        "Write" or "WriteLine" or "OpenStandardOutput" => "output",
        "OpenStandardError" => "error",
        _ => null,
    };

    private static void Report(OperationAnalysisContext context, KnownSymbols symbols, string member, string stream)
    {
        if (!KnownSymbols.IsInsideTypeMarked(context.ContainingSymbol, symbols.ConsoleOwnerAttribute))
        {
            context.ReportDiagnostic(Diagnostic.Create(Rule, context.Operation.Syntax.GetLocation(), member, stream));
        }
    }
}
