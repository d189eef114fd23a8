using System;
using System.Collections.Immutable;
using Cac.Analyzers.Flow;
using Cac.Analyzers.Internals;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Cac.Analyzers.Rules;

/// <summary>
/// CAC3001: an <c>INPUT_*</c> variable read by hand (<c>Environment.GetEnvironmentVariable</c>, the
/// <c>GetEnvironmentVariables()</c> dictionary, or <c>IActionEnvironment.GetVariable</c>) with a constant,
/// concatenated or interpolated name. When the name is a declared input, the diagnostic carries the generated
/// property for the code fix.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class InputReadByHandAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Diagnostic property: the generated <c>ActionInputs</c> property the name maps to.</summary>
    public const string PropertyKey = "Property";

    /// <summary>Diagnostic property: the metadata name of the generated <c>ActionInputs</c> type.</summary>
    public const string InputsTypeKey = "InputsType";

    /// <summary>Diagnostic property: <c>Secret</c> when the property is a secret (the fix then adds <c>.Reveal()</c>).</summary>
    public const string KindKey = "Kind";

    internal static readonly DiagnosticDescriptor Rule = new(
        RuleIdentifiers.InputReadByHand,
        "Input read from the environment by hand",
        "'{0}' is read by hand, which skips the generated defaults, validation and masking; use {1}",
        RuleCategories.Usage,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Inputs are read through the generated ActionInputs, which applies action.yml's defaults and types and masks secret inputs as they load.",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.InputReadByHand));

    private const string InputPrefix = "INPUT_";

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

            var sources = new SecretSources(symbols);
            var inputs = new GeneratedInputs(symbols);
            start.RegisterOperationAction(
                c =>
                {
                    var invocation = (IInvocationOperation)c.Operation;
                    if (invocation.Arguments.Length > 0 && sources.IsEnvironmentRead(invocation.TargetMethod))
                    {
                        Check(c, invocation.Arguments[0].Value, inputs);
                    }
                },
                OperationKind.Invocation);
            start.RegisterOperationAction(
                c =>
                {
                    var reference = (IPropertyReferenceOperation)c.Operation;
                    if (reference.Property.IsIndexer &&
                        reference.Arguments.Length == 1 &&
                        reference.Instance is IInvocationOperation { TargetMethod.Name: "GetEnvironmentVariables" } all &&
                        SymbolEqualityComparer.Default.Equals(all.TargetMethod.ContainingType, symbols.Environment))
                    {
                        Check(c, reference.Arguments[0].Value, inputs);
                    }
                },
                OperationKind.PropertyReference);
        });
    }

    private static void Check(OperationAnalysisContext context, IOperation name, GeneratedInputs inputs)
    {
        var prefix = StringPrefix.Of(name);
        if (!prefix.StartsWith(InputPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var constant = StringPrefix.Constant(name);
        var shown = constant ?? prefix + "...";
        var input = constant is null ? null : inputs.Find(constant);
        var properties = input is null
            ? ImmutableDictionary<string, string?>.Empty
            : ImmutableDictionary<string, string?>.Empty
                .Add(PropertyKey, input.Property)
                .Add(InputsTypeKey, input.InputsType)
                .Add(KindKey, input.IsSecret ? "Secret" : "Value");
        var advice = input is null ? "the generated ActionInputs" : "the generated property ActionInputs." + input.Property;
        context.ReportDiagnostic(Diagnostic.Create(Rule, context.Operation.Syntax.GetLocation(), properties, shown, advice));
    }
}
