using System;
using System.Collections.Concurrent;
using System.Linq;
using Cac.Analyzers.Internals;
using Microsoft.CodeAnalysis;

namespace Cac.Analyzers.Flow;

/// <summary>
/// Which methods are sinks, decided once per method symbol and cached for the compilation.
/// Log: <c>Console.Write*</c>, <c>TextWriter.Write*</c> (so <c>Console.Out</c>/<c>Console.Error</c>),
/// <c>Debug</c>/<c>Trace</c>, <c>ILogger</c> and <c>LoggerExtensions</c>, <c>[LoggerMessage]</c> methods and
/// <c>LoggerMessage.Define</c> delegates, an exception constructor's <c>message</c>, and methods marked
/// <c>[LogSink]</c> (the action's log and job summary). Outputs: <c>SetOutput(name, value)</c> and the
/// generated plain output setters. Variables: <c>ExportVariable(name, value)</c>.
/// </summary>
internal sealed class SinkCatalog
{
    private static readonly string[] TextWriterMethods = { "Write", "WriteLine", "WriteAsync", "WriteLineAsync" };

    private static readonly string[] DiagnosticsMethods =
    {
        "Write", "WriteLine", "WriteIf", "WriteLineIf", "Print", "Fail", "Assert", "TraceInformation", "TraceWarning", "TraceError",
    };

    private readonly KnownSymbols symbols;
    private readonly ConcurrentDictionary<IMethodSymbol, Sink> cache = new(SymbolEqualityComparer.Default);

    public SinkCatalog(KnownSymbols symbols)
    {
        this.symbols = symbols;
    }

    /// <summary>The sink <paramref name="method"/> is, or <see cref="Sink.None"/>.</summary>
    public Sink Find(IMethodSymbol method) => cache.GetOrAdd(method, m => Classify(m) ?? Sink.None);

    private Sink? Classify(IMethodSymbol method)
    {
        var type = method.ContainingType;
        if (type is null)
        {
            return null;
        }

        return LogSink(method, type) ?? OutputSink(method, type);
    }

    private Sink? LogSink(IMethodSymbol method, INamedTypeSymbol type)
    {
        var name = method.Name;
        if (method.MethodKind == MethodKind.Constructor)
        {
            return KnownSymbols.DerivesFrom(type, symbols.Exception) && method.Parameters.Any(p => p.Name == "message")
                ? new Sink(SinkKinds.Log, "the message of " + type.Name, onlyParameter: "message")
                : null;
        }

        if ((Is(type, symbols.Console) && name.StartsWith("Write", StringComparison.Ordinal)) ||
            (KnownSymbols.DerivesFrom(type, symbols.TextWriter) && TextWriterMethods.Contains(name)) ||
            ((Is(type, symbols.Debug) || Is(type, symbols.Trace)) && DiagnosticsMethods.Contains(name)) ||
            Is(type, symbols.LoggerExtensions) ||
            (Is(type, symbols.Logger) && name is "Log" or "BeginScope") ||
            KnownSymbols.HasAttribute(method, symbols.LoggerMessageAttribute) ||
            IsLoggerDelegate(method) ||
            IsMarkedLogSink(method, type))
        {
            return new Sink(SinkKinds.Log, type.Name + "." + name);
        }

        return null;
    }

    private Sink? OutputSink(IMethodSymbol method, INamedTypeSymbol type)
    {
        var name = method.Name;
        var parameters = method.Parameters;
        var namedValue = parameters.Length >= 2 && parameters[0].Type.SpecialType == SpecialType.System_String;
        if (namedValue && name is "SetOutput" or "SetOutputAsync")
        {
            return new Sink(SinkKinds.Output, type.Name + "." + name, nameOrdinal: 0, valueOrdinal: 1);
        }

        if (namedValue && name is "ExportVariable" or "ExportVariableAsync")
        {
            return new Sink(SinkKinds.Variable, type.Name + "." + name, nameOrdinal: 0, valueOrdinal: 1);
        }

        // The generated ActionOutputs: a plain output's setter takes a string, a secret output's a Secret.
        if (parameters.Length == 1 &&
            parameters[0].Type.SpecialType == SpecialType.System_String &&
            name.StartsWith("Set", StringComparison.Ordinal) &&
            symbols.IsGeneratedByCac(type) &&
            GeneratedOutputName(type, name.Substring(3)) is { } output)
        {
            return new Sink(SinkKinds.Output, type.Name + "." + name, valueOrdinal: 0, fixedName: output);
        }

        return null;
    }

    /// <summary>The output name in the generated <c>Names</c> class: <c>Names.AwsAccountId</c> is <c>"aws-account-id"</c>.</summary>
    private static string? GeneratedOutputName(INamedTypeSymbol outputs, string member) =>
        outputs.GetTypeMembers("Names").FirstOrDefault()?.GetMembers(member).OfType<IFieldSymbol>().FirstOrDefault()?.ConstantValue as string;

    /// <summary>A <c>LoggerMessage.Define</c> result: a delegate whose first parameter is the logger.</summary>
    private bool IsLoggerDelegate(IMethodSymbol method) =>
        method.MethodKind == MethodKind.DelegateInvoke &&
        method.Parameters.Length > 0 &&
        symbols.Logger is not null &&
        SymbolEqualityComparer.Default.Equals(method.Parameters[0].Type, symbols.Logger);

    /// <summary>
    /// <c>[LogSink]</c> on the method, on an interface method it implements, or on its type or interface.
    /// </summary>
    private bool IsMarkedLogSink(IMethodSymbol method, INamedTypeSymbol type)
    {
        var attribute = symbols.LogSinkAttribute;
        if (attribute is null || method.MethodKind != MethodKind.Ordinary)
        {
            return false;
        }

        if (KnownSymbols.HasAttribute(method, attribute))
        {
            return true;
        }

        if (KnownSymbols.HasAttribute(type, attribute) && IsCoveredByTypeMark(method))
        {
            return true;
        }

        foreach (var contract in type.AllInterfaces)
        {
            foreach (var member in contract.GetMembers(method.Name).OfType<IMethodSymbol>())
            {
                if ((KnownSymbols.HasAttribute(member, attribute) || (KnownSymbols.HasAttribute(contract, attribute) && IsCoveredByTypeMark(member))) &&
                    SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(member), method.OriginalDefinition))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>A mark on a type covers its methods that return no text, except the mask method.</summary>
    private bool IsCoveredByTypeMark(IMethodSymbol method) =>
        !TextTypes.CanCarryText(method.ReturnType, symbols) && !KnownSymbols.IsOrImplements(method, symbols.MaskerAddMask);

    private static bool Is(INamedTypeSymbol type, INamedTypeSymbol? known) =>
        known is not null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, known);
}
