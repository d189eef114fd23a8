using System;
using System.Collections.Immutable;
using Cac.Analyzers.Flow;
using Cac.Analyzers.Internals;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Cac.Analyzers.Rules;

/// <summary>
/// CAC3003: text that starts with <c>::</c> passed to a log sink (the console, a <c>TextWriter</c>, a logger,
/// a <c>[LogSink]</c> method): a workflow command written by hand, without the escaping the toolkit applies.
/// The toolkit itself (types marked <c>[ConsoleOwner]</c> or <c>[LogSink]</c>) is where commands are made.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HandWrittenWorkflowCommandAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = new(
        RuleIdentifiers.HandWrittenWorkflowCommand,
        "Workflow command written by hand",
        "This text starts with '{0}', a workflow command written by hand; use the toolkit, which escapes the data and properties (and masks through the log)",
        RuleCategories.Usage,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A workflow command built by concatenation is not escaped: a value with a line break or '%' can end it early and start another command.",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.HandWrittenWorkflowCommand));

    private const string CommandStart = "::";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

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

            var sinks = new SinkCatalog(symbols);
            start.RegisterOperationAction(
                c =>
                {
                    // The text first: it is the rare part, and the cheapest to check.
                    var invocation = (IInvocationOperation)c.Operation;
                    foreach (var argument in invocation.Arguments)
                    {
                        var prefix = StringPrefix.Of(argument.Value);
                        if (prefix.StartsWith(CommandStart, StringComparison.Ordinal) &&
                            sinks.Find(invocation.TargetMethod).Kind == SinkKinds.Log &&
                            !IsToolkit(c.ContainingSymbol, symbols))
                        {
                            c.ReportDiagnostic(Diagnostic.Create(Rule, argument.Value.Syntax.GetLocation(), CommandName(prefix)));
                        }
                    }
                },
                OperationKind.Invocation);
        });
    }

    private static bool IsToolkit(ISymbol symbol, KnownSymbols symbols) =>
        KnownSymbols.IsInsideTypeMarked(symbol, symbols.ConsoleOwnerAttribute) ||
        KnownSymbols.IsInsideTypeMarked(symbol, symbols.LogSinkAttribute);

    /// <summary><c>::warning</c> from <c>::warning file=a::text</c>, as far as it is known.</summary>
    private static string CommandName(string prefix)
    {
        var end = prefix.IndexOfAny(new[] { ' ', ':' }, CommandStart.Length);
        return end < 0 ? prefix : prefix.Substring(0, end);
    }
}
