using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Cac.Analyzers.Internals;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Cac.Analyzers.Flow;

/// <summary>
/// The names a secret can come in by (<c>Reveal</c>, <c>SecretAccessKey</c>, <c>GetIdTokenAsync</c>, the members
/// this project marks <c>[SecretValue]</c>, ...). A method body that mentions none of them cannot hold a
/// secret, so it is skipped on its syntax alone, before any operation tree is built for it: that is most
/// methods, and what keeps the rule cheap. When a referenced library other than Cac.Abstractions could
/// declare <c>[SecretValue]</c> members, whose names are unknown here, every body is examined.
/// </summary>
internal sealed class SourceNames
{
    private static readonly string[] BuiltIn =
    {
        "Reveal", "GetCredentials", "GetCredentialsAsync", "GetIdToken", "GetIDToken", "GetIdTokenAsync", "GetIDTokenAsync",
        "AccessKeyId", "SecretAccessKey", "SessionToken", "AccessKey", "SecretKey", "Token",
        "GetEnvironmentVariable", "GetEnvironmentVariables", "GetVariable", "SecretValue", "SecretValueAttribute",
    };

    private readonly KnownSymbols symbols;
    private readonly Lazy<ImmutableHashSet<string>?> names;

    public SourceNames(KnownSymbols symbols)
    {
        this.symbols = symbols;
        names = new Lazy<ImmutableHashSet<string>?>(Collect);
    }

    /// <summary>Whether the bodies, or the parameters of <paramref name="owner"/>, could bring in a secret.</summary>
    public bool MayHaveSource(ImmutableArray<IOperation> blocks, ISymbol owner)
    {
        if (names.Value is not { } known)
        {
            return true;
        }

        if (owner is IMethodSymbol method && method.Parameters.Any(p => KnownSymbols.HasAttribute(p, symbols.SecretValueAttribute)))
        {
            return true;
        }

        foreach (var block in blocks)
        {
            foreach (var token in block.Syntax.DescendantTokens())
            {
                if (token.IsKind(SyntaxKind.IdentifierToken) && known.Contains(token.ValueText))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The names, or <c>null</c> when they cannot all be known.</summary>
    private ImmutableHashSet<string>? Collect()
    {
        var compilation = symbols.Compilation;
        var abstractions = symbols.Secret.ContainingAssembly;
        foreach (var reference in compilation.References)
        {
            if (compilation.GetAssemblyOrModuleSymbol(reference) is IAssemblySymbol assembly &&
                !SymbolEqualityComparer.Default.Equals(assembly, abstractions) &&
                assembly.Modules.Any(module => module.ReferencedAssemblySymbols.Contains(abstractions, SymbolEqualityComparer.Default)))
            {
                return null;
            }
        }

        // Declarations only: a [SecretValue] inside a body (a lambda's or local function's parameter) puts the
        // word SecretValue in that body, which is a name of the list already.
        var set = new HashSet<string>(BuiltIn, StringComparer.Ordinal);
        foreach (var tree in compilation.SyntaxTrees)
        {
            var attributes = tree.GetRoot()
                .DescendantNodes(node => node is not (BlockSyntax or ArrowExpressionClauseSyntax or EqualsValueClauseSyntax))
                .OfType<AttributeSyntax>();
            foreach (var attribute in attributes)
            {
                if (IsSecretValue(attribute.Name) && attribute.Parent?.Parent is { } member)
                {
                    set.UnionWith(DeclaredNames(member));
                }
            }
        }

        return set.ToImmutableHashSet(StringComparer.Ordinal);
    }

    private static bool IsSecretValue(NameSyntax name)
    {
        var simple = name switch
        {
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
            SimpleNameSyntax plain => plain.Identifier.ValueText,
            _ => string.Empty,
        };
        return simple is "SecretValue" or "SecretValueAttribute";
    }

    /// <summary>The names a <c>[SecretValue]</c> is attached to: a property, field(s), method or parameter.</summary>
    private static IEnumerable<string> DeclaredNames(SyntaxNode member) => member switch
    {
        PropertyDeclarationSyntax property => new[] { property.Identifier.ValueText },
        FieldDeclarationSyntax field => field.Declaration.Variables.Select(variable => variable.Identifier.ValueText),
        MethodDeclarationSyntax method => new[] { method.Identifier.ValueText },
        ParameterSyntax parameter => new[] { parameter.Identifier.ValueText },
        _ => Array.Empty<string>(),
    };
}
