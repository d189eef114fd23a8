using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Cac.Analyzers.Internals;

/// <summary>
/// The types the rules look for, resolved once per compilation. A rule that needs the package's contract
/// gets <c>null</c> from <see cref="TryCreate"/> when Cac.Abstractions is not referenced, and registers nothing.
/// Types from optional libraries (the AWS SDK, Microsoft.Extensions.Logging) are simply null when absent.
/// </summary>
internal sealed class KnownSymbols
{
    private KnownSymbols(Compilation compilation, INamedTypeSymbol secret, INamedTypeSymbol masker, ActionOptions options)
    {
        Compilation = compilation;
        Secret = secret;
        SecretReveal = Method(secret, "Reveal");
        SecretMasker = masker;
        MaskerAddMask = Method(masker, "AddMask");
        ActionEnvironmentGetVariable = Method(compilation.GetTypeByMetadataName("Cac.Abstractions.IActionEnvironment"), "GetVariable");
        SecretValueAttribute = compilation.GetTypeByMetadataName("Cac.Abstractions.SecretValueAttribute");
        LogSinkAttribute = compilation.GetTypeByMetadataName("Cac.Abstractions.LogSinkAttribute");
        ConsoleOwnerAttribute = compilation.GetTypeByMetadataName("Cac.Abstractions.ConsoleOwnerAttribute");

        Console = compilation.GetTypeByMetadataName("System.Console");
        TextWriter = compilation.GetTypeByMetadataName("System.IO.TextWriter");
        Debug = compilation.GetTypeByMetadataName("System.Diagnostics.Debug");
        Trace = compilation.GetTypeByMetadataName("System.Diagnostics.Trace");
        Exception = compilation.GetTypeByMetadataName("System.Exception");
        Environment = compilation.GetTypeByMetadataName("System.Environment");
        StringBuilder = compilation.GetTypeByMetadataName("System.Text.StringBuilder");
        FormattableString = compilation.GetTypeByMetadataName("System.FormattableString");
        GeneratedCodeAttribute = compilation.GetTypeByMetadataName("System.CodeDom.Compiler.GeneratedCodeAttribute");
        WrapperTypes = new[]
        {
            "System.Threading.Tasks.Task`1", "System.Threading.Tasks.ValueTask`1", "System.Span`1", "System.ReadOnlySpan`1",
            "System.Memory`1", "System.ReadOnlyMemory`1",
        }.Select(compilation.GetTypeByMetadataName).Where(t => t is not null).ToImmutableArray()!;

        Logger = compilation.GetTypeByMetadataName("Microsoft.Extensions.Logging.ILogger");
        LoggerExtensions = compilation.GetTypeByMetadataName("Microsoft.Extensions.Logging.LoggerExtensions");
        LoggerMessageAttribute = compilation.GetTypeByMetadataName("Microsoft.Extensions.Logging.LoggerMessageAttribute");

        StsCredentials = compilation.GetTypeByMetadataName("Amazon.SecurityToken.Model.Credentials");
        ImmutableCredentials = compilation.GetTypeByMetadataName("Amazon.Runtime.ImmutableCredentials");
        AwsCredentials = compilation.GetTypeByMetadataName("Amazon.Runtime.AWSCredentials");

        Options = options;
    }

    public Compilation Compilation { get; }

    public ActionOptions Options { get; }

    public INamedTypeSymbol Secret { get; }

    public IMethodSymbol? SecretReveal { get; }

    public INamedTypeSymbol SecretMasker { get; }

    public IMethodSymbol? MaskerAddMask { get; }

    public IMethodSymbol? ActionEnvironmentGetVariable { get; }

    public INamedTypeSymbol? SecretValueAttribute { get; }

    public INamedTypeSymbol? LogSinkAttribute { get; }

    public INamedTypeSymbol? ConsoleOwnerAttribute { get; }

    public INamedTypeSymbol? Console { get; }

    public INamedTypeSymbol? TextWriter { get; }

    public INamedTypeSymbol? Debug { get; }

    public INamedTypeSymbol? Trace { get; }

    public INamedTypeSymbol? Exception { get; }

    public INamedTypeSymbol? Environment { get; }

    public INamedTypeSymbol? StringBuilder { get; }

    public INamedTypeSymbol? FormattableString { get; }

    public INamedTypeSymbol? GeneratedCodeAttribute { get; }

    /// <summary>Generic types that carry text when their type argument does (<c>Task&lt;string&gt;</c>, <c>ReadOnlySpan&lt;char&gt;</c>).</summary>
    public ImmutableArray<INamedTypeSymbol> WrapperTypes { get; }

    public INamedTypeSymbol? Logger { get; }

    public INamedTypeSymbol? LoggerExtensions { get; }

    public INamedTypeSymbol? LoggerMessageAttribute { get; }

    public INamedTypeSymbol? StsCredentials { get; }

    public INamedTypeSymbol? ImmutableCredentials { get; }

    public INamedTypeSymbol? AwsCredentials { get; }

    /// <summary>The symbols, or <c>null</c> when the compilation does not reference Cac.Abstractions.</summary>
    public static KnownSymbols? TryCreate(Compilation compilation, ActionOptions options)
    {
        var secret = compilation.GetTypeByMetadataName("Cac.Abstractions.Secret");
        var masker = compilation.GetTypeByMetadataName("Cac.Abstractions.ISecretMasker");
        return secret is null || masker is null ? null : new KnownSymbols(compilation, secret, masker, options);
    }

    /// <summary>The symbols, with the project's MSBuild options; <c>null</c> without Cac.Abstractions.</summary>
    public static KnownSymbols? TryCreate(Compilation compilation, AnalyzerOptions options) =>
        TryCreate(compilation, ActionOptions.Read(options.AnalyzerConfigOptionsProvider.GlobalOptions));

    /// <summary>Whether code in <paramref name="symbol"/> sits inside a type marked with <paramref name="attribute"/>.</summary>
    public static bool IsInsideTypeMarked(ISymbol? symbol, INamedTypeSymbol? attribute)
    {
        for (var type = symbol as INamedTypeSymbol ?? symbol?.ContainingType; type is not null; type = type.ContainingType)
        {
            if (HasAttribute(type, attribute))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="type"/> is <paramref name="baseType"/> or derives from it.</summary>
    public static bool DerivesFrom(ITypeSymbol? type, INamedTypeSymbol? baseType)
    {
        if (baseType is null)
        {
            return false;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseType))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="method"/> is <paramref name="interfaceMethod"/> or implements it.</summary>
    public static bool IsOrImplements(IMethodSymbol method, IMethodSymbol? interfaceMethod)
    {
        if (interfaceMethod is null)
        {
            return false;
        }

        if (SymbolEqualityComparer.Default.Equals(method.OriginalDefinition, interfaceMethod))
        {
            return true;
        }

        var implementation = method.ContainingType?.FindImplementationForInterfaceMember(interfaceMethod);
        return SymbolEqualityComparer.Default.Equals(implementation, method.OriginalDefinition);
    }

    /// <summary>Whether <paramref name="symbol"/> carries the attribute <paramref name="attribute"/>.</summary>
    public static bool HasAttribute(ISymbol symbol, INamedTypeSymbol? attribute) =>
        attribute is not null && symbol.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attribute));

    /// <summary>Whether the type was emitted by Cac.Generator (<c>[GeneratedCode("Cac.Generator", ...)]</c>).</summary>
    public bool IsGeneratedByCac(INamedTypeSymbol? type) =>
        type is not null && GeneratedCodeAttribute is not null && type.GetAttributes().Any(a =>
            SymbolEqualityComparer.Default.Equals(a.AttributeClass, GeneratedCodeAttribute) &&
            a.ConstructorArguments.Length > 0 &&
            a.ConstructorArguments[0].Value is "Cac.Generator");

    private static IMethodSymbol? Method(INamedTypeSymbol? type, string name) =>
        type?.GetMembers(name).OfType<IMethodSymbol>().FirstOrDefault();
}
