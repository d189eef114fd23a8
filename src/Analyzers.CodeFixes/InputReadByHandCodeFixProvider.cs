using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Cac.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Cac.Analyzers.CodeFixes;

/// <summary>
/// CAC3001: replaces a hand-written <c>INPUT_*</c> read with the generated property, read from an
/// <c>ActionInputs</c> value in scope (a local, parameter, field or property). A secret input becomes
/// <c>inputs.X.Reveal()</c>, so the expression stays a string; other inputs become the typed property, which
/// makes any hand-written parsing around it obsolete. No fix is offered when no <c>ActionInputs</c> is in scope.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(InputReadByHandCodeFixProvider))]
[Shared]
public sealed class InputReadByHandCodeFixProvider : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.InputReadByHand);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(InputReadByHandAnalyzer.PropertyKey, out var property) || property is null ||
                !diagnostic.Properties.TryGetValue(InputReadByHandAnalyzer.InputsTypeKey, out var typeName) || typeName is null ||
                root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax read ||
                model.Compilation.GetTypeByMetadataName(typeName) is not { } inputsType ||
                InputsInScope(model, read, inputsType, context.CancellationToken) is not { } inputs)
            {
                continue;
            }

            var reveal = diagnostic.Properties.TryGetValue(InputReadByHandAnalyzer.KindKey, out var kind) && kind == "Secret";
            var replacement = SyntaxFactory.ParseExpression(inputs + "." + property + (reveal ? ".Reveal()" : string.Empty))
                .WithTriviaFrom(read);
            context.RegisterCodeFix(
                CodeAction.Create(
                    "Use the generated input " + inputsType.Name + "." + property,
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(read, replacement))),
                    equivalenceKey: nameof(InputReadByHandCodeFixProvider)),
                diagnostic);
        }
    }

    /// <summary>The name of an <c>ActionInputs</c> value usable at <paramref name="read"/>: locals and parameters first.</summary>
    private static string? InputsInScope(SemanticModel model, SyntaxNode read, INamedTypeSymbol inputsType, CancellationToken cancellationToken)
    {
        var position = read.SpanStart;
        var isStatic = model.GetEnclosingSymbol(position, cancellationToken) is { IsStatic: true };
        var candidates = model.LookupSymbols(position)
            .Where(symbol => SymbolEqualityComparer.Default.Equals(TypeOf(symbol), inputsType))
            .Where(symbol => symbol is not ILocalSymbol || symbol.Locations.All(l => l.SourceSpan.End <= position))
            .Where(symbol => symbol is ILocalSymbol or IParameterSymbol || symbol.IsStatic || !isStatic)
            .OrderBy(symbol => symbol is ILocalSymbol or IParameterSymbol ? 0 : 1)
            .ThenBy(symbol => symbol.Name, System.StringComparer.Ordinal);
        var chosen = candidates.FirstOrDefault();
        if (chosen is null)
        {
            return null;
        }

        return SyntaxFacts.GetKeywordKind(chosen.Name) != SyntaxKind.None ? "@" + chosen.Name : chosen.Name;
    }

    private static ITypeSymbol? TypeOf(ISymbol symbol) => symbol switch
    {
        ILocalSymbol local => local.Type,
        IParameterSymbol parameter => parameter.Type,
        IFieldSymbol field => field.Type,
        IPropertySymbol property => property.Type,
        _ => null,
    };
}
