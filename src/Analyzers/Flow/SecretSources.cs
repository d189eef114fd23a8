using System;
using System.Collections.Concurrent;
using System.Linq;
using Cac.Analyzers.Internals;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Cac.Analyzers.Flow;

/// <summary>
/// Where secrets come from: <c>Secret.Reveal()</c> (so every generated secret input and every value given to a
/// secret output), the AWS SDK's credential members and <c>GetCredentials</c>, reads of the secret environment
/// variables, the GitHub OIDC token (<c>GetIdToken</c>/<c>GetIdTokenAsync</c>, the toolkit's name for it), and
/// anything marked <c>[SecretValue]</c>.
/// </summary>
internal sealed class SecretSources
{
    private static readonly string[] StsCredentialMembers = { "AccessKeyId", "SecretAccessKey", "SessionToken" };
    private static readonly string[] ImmutableCredentialMembers = { "AccessKey", "SecretKey", "Token" };

    private readonly KnownSymbols symbols;

    /// <summary>What each member is, decided once: the check runs on every operation of every method.</summary>
    private readonly ConcurrentDictionary<ISymbol, Kind> kinds = new(SymbolEqualityComparer.Default);

    public SecretSources(KnownSymbols symbols)
    {
        this.symbols = symbols;
    }

    private enum Kind
    {
        None,

        /// <summary>Every use is a secret.</summary>
        Source,

        /// <summary>An environment read: a secret when the name is a secret variable.</summary>
        EnvironmentRead,
    }

    public bool IsSource(IOperation operation) => operation switch
    {
        IInvocationOperation invocation => KindOf(invocation.TargetMethod) switch
        {
            Kind.Source => true,
            Kind.EnvironmentRead => invocation.Arguments.Length > 0 && IsSecretVariableName(invocation.Arguments[0].Value),
            _ => false,
        },
        IPropertyReferenceOperation property => KindOf(property.Property) == Kind.Source || IsSecretVariableIndexer(property),
        IFieldReferenceOperation field => KindOf(field.Field) == Kind.Source,
        IParameterReferenceOperation parameter => KindOf(parameter.Parameter) == Kind.Source,
        _ => false,
    };

    /// <summary>Whether <paramref name="name"/> is a constant naming a secret environment variable.</summary>
    public bool IsSecretVariableName(IOperation name) =>
        StringPrefix.Constant(name) is { } value && symbols.Options.SecretVariables.Contains(value);

    /// <summary><c>Environment.GetEnvironmentVariable</c>, or <c>IActionEnvironment.GetVariable</c> and its implementations.</summary>
    public bool IsEnvironmentRead(IMethodSymbol method) =>
        (method.Name == "GetEnvironmentVariable" && SymbolEqualityComparer.Default.Equals(method.ContainingType, symbols.Environment)) ||
        (method.Name == "GetVariable" && KnownSymbols.IsOrImplements(method, symbols.ActionEnvironmentGetVariable));

    private Kind KindOf(ISymbol symbol) => kinds.GetOrAdd(symbol, Classify);

    private Kind Classify(ISymbol symbol)
    {
        switch (symbol)
        {
            case IMethodSymbol method:
                if (SymbolEqualityComparer.Default.Equals(method.OriginalDefinition, symbols.SecretReveal) ||
                    (method.Name is "GetCredentials" or "GetCredentialsAsync" && KnownSymbols.DerivesFrom(method.ContainingType, symbols.AwsCredentials)) ||
                    string.Equals(method.Name, "GetIdToken", StringComparison.OrdinalIgnoreCase) ||
                    string.Equals(method.Name, "GetIdTokenAsync", StringComparison.OrdinalIgnoreCase) ||
                    (symbols.SecretValueAttribute is not null &&
                     method.GetReturnTypeAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, symbols.SecretValueAttribute))))
                {
                    return Kind.Source;
                }

                return IsEnvironmentRead(method) ? Kind.EnvironmentRead : Kind.None;
            case IPropertySymbol property:
                var type = property.ContainingType?.OriginalDefinition;
                return (SymbolEqualityComparer.Default.Equals(type, symbols.StsCredentials) && StsCredentialMembers.Contains(property.Name)) ||
                    (SymbolEqualityComparer.Default.Equals(type, symbols.ImmutableCredentials) && ImmutableCredentialMembers.Contains(property.Name)) ||
                    KnownSymbols.HasAttribute(property, symbols.SecretValueAttribute)
                    ? Kind.Source
                    : Kind.None;
            default:
                return KnownSymbols.HasAttribute(symbol, symbols.SecretValueAttribute) ? Kind.Source : Kind.None;
        }
    }

    /// <summary><c>Environment.GetEnvironmentVariables()["AWS_SECRET_ACCESS_KEY"]</c>.</summary>
    private bool IsSecretVariableIndexer(IPropertyReferenceOperation reference) =>
        reference.Property.IsIndexer &&
        reference.Instance is IInvocationOperation { TargetMethod.Name: "GetEnvironmentVariables" } all &&
        SymbolEqualityComparer.Default.Equals(all.TargetMethod.ContainingType, symbols.Environment) &&
        reference.Arguments.Length == 1 &&
        IsSecretVariableName(reference.Arguments[0].Value);
}
