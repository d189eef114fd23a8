using System;
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

    public SecretSources(KnownSymbols symbols)
    {
        this.symbols = symbols;
    }

    public bool IsSource(IOperation operation) => operation switch
    {
        IInvocationOperation invocation => IsSourceCall(invocation),
        IPropertyReferenceOperation property => IsSourceProperty(property),
        IFieldReferenceOperation field => KnownSymbols.HasAttribute(field.Field, symbols.SecretValueAttribute),
        IParameterReferenceOperation parameter => KnownSymbols.HasAttribute(parameter.Parameter, symbols.SecretValueAttribute),
        _ => false,
    };

    /// <summary>Whether <paramref name="name"/> is a constant naming a secret environment variable.</summary>
    public bool IsSecretVariableName(IOperation name) =>
        StringPrefix.Constant(name) is { } value && symbols.Options.SecretVariables.Contains(value);

    private bool IsSourceCall(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (SymbolEqualityComparer.Default.Equals(method.OriginalDefinition, symbols.SecretReveal))
        {
            return true;
        }

        if (method.Name is "GetCredentials" or "GetCredentialsAsync" && KnownSymbols.DerivesFrom(method.ContainingType, symbols.AwsCredentials))
        {
            return true;
        }

        if (string.Equals(method.Name, "GetIdToken", StringComparison.OrdinalIgnoreCase) ||
            string.Equals(method.Name, "GetIdTokenAsync", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (IsEnvironmentRead(method) && invocation.Arguments.Length > 0 && IsSecretVariableName(invocation.Arguments[0].Value))
        {
            return true;
        }

        return symbols.SecretValueAttribute is not null &&
            method.GetReturnTypeAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, symbols.SecretValueAttribute));
    }

    private bool IsSourceProperty(IPropertyReferenceOperation reference)
    {
        var property = reference.Property;
        var type = property.ContainingType?.OriginalDefinition;
        if ((SymbolEqualityComparer.Default.Equals(type, symbols.StsCredentials) && StsCredentialMembers.Contains(property.Name)) ||
            (SymbolEqualityComparer.Default.Equals(type, symbols.ImmutableCredentials) && ImmutableCredentialMembers.Contains(property.Name)))
        {
            return true;
        }

        if (KnownSymbols.HasAttribute(property, symbols.SecretValueAttribute))
        {
            return true;
        }

        // Environment.GetEnvironmentVariables()["AWS_SECRET_ACCESS_KEY"]
        return property.IsIndexer &&
            reference.Instance is IInvocationOperation { TargetMethod.Name: "GetEnvironmentVariables" } all &&
            SymbolEqualityComparer.Default.Equals(all.TargetMethod.ContainingType, symbols.Environment) &&
            reference.Arguments.Length == 1 &&
            IsSecretVariableName(reference.Arguments[0].Value);
    }

    /// <summary><c>Environment.GetEnvironmentVariable</c>, or <c>IActionEnvironment.GetVariable</c> and its implementations.</summary>
    public bool IsEnvironmentRead(IMethodSymbol method) =>
        (method.Name == "GetEnvironmentVariable" && SymbolEqualityComparer.Default.Equals(method.ContainingType, symbols.Environment)) ||
        (method.Name == "GetVariable" && KnownSymbols.IsOrImplements(method, symbols.ActionEnvironmentGetVariable));
}
