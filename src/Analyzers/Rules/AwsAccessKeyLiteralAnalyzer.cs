using System.Collections.Immutable;
using Cac.Analyzers.Internals;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Cac.Analyzers.Rules;

/// <summary>
/// CAC2003: an AWS access key ID in a string, verbatim, raw, UTF-8 or interpolated literal, or in a constant
/// built from several literals. Works in any project: it needs no symbol. The message names only the key's
/// prefix, so the build log does not repeat the key.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AwsAccessKeyLiteralAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = new(
        RuleIdentifiers.AwsAccessKeyLiteral,
        "AWS access key ID in source",
        "This text contains an AWS access key ID ({0}...); remove it, deactivate the key, and pass credentials in as a secret",
        RuleCategories.Security,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "An access key ID that is committed is public: anyone with the repository can find it, and its secret is usually next to it.",
        helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.AwsAccessKeyLiteral));

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterSyntaxNodeAction(
            c => Check(c, ((LiteralExpressionSyntax)c.Node).Token.ValueText, c.Node),
            SyntaxKind.StringLiteralExpression,
            SyntaxKind.Utf8StringLiteralExpression);
        context.RegisterSyntaxNodeAction(
            c => Check(c, ((InterpolatedStringTextSyntax)c.Node).TextToken.ValueText, c.Node),
            SyntaxKind.InterpolatedStringText);
        context.RegisterOperationAction(CheckConstant, OperationKind.Binary, OperationKind.InterpolatedString);
    }

    private static void Check(SyntaxNodeAnalysisContext context, string text, SyntaxNode node)
    {
        if (AwsKeyScanner.Find(text) is { } key)
        {
            context.ReportDiagnostic(Diagnostic.Create(Rule, node.GetLocation(), key.Substring(0, 4)));
        }
    }

    /// <summary>A key split over several literals: <c>"AKIA" + "..."</c>, or a constant interpolation of constants.</summary>
    private static void CheckConstant(OperationAnalysisContext context)
    {
        var operation = context.Operation;
        if (operation.ConstantValue.Value is not string text ||
            IsInsideLargerConstant(operation) ||
            AwsKeyScanner.Find(text) is not { } key)
        {
            return;
        }

        foreach (var part in operation.Descendants())
        {
            // Already reported on the literal that holds it whole.
            if (part is ILiteralOperation or IInterpolatedStringTextOperation && part.ConstantValue.Value is string piece && piece.Contains(key))
            {
                return;
            }
        }

        context.ReportDiagnostic(Diagnostic.Create(Rule, operation.Syntax.GetLocation(), key.Substring(0, 4)));
    }

    /// <summary>Only the outermost constant is checked: it holds the whole text.</summary>
    private static bool IsInsideLargerConstant(IOperation operation)
    {
        for (var parent = operation.Parent; parent is IBinaryOperation or IInterpolatedStringOperation or IInterpolationOperation or IConversionOperation; parent = parent.Parent)
        {
            if (parent is IBinaryOperation or IInterpolatedStringOperation && parent.ConstantValue.Value is string)
            {
                return true;
            }
        }

        return false;
    }
}
