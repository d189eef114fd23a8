using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Cac.Analyzers.Internals;

/// <summary>
/// Maps an <c>INPUT_*</c> variable to the property Cac.Generator made for it, from the generated
/// <c>ActionInputs.EnvironmentVariables</c> constants (same member names as the properties). Looked up only
/// when a hand-written read is found, then kept for the compilation.
/// </summary>
internal sealed class GeneratedInputs
{
    private readonly KnownSymbols symbols;
    private readonly Lazy<Dictionary<string, Input>> byVariable;

    public GeneratedInputs(KnownSymbols symbols)
    {
        this.symbols = symbols;
        byVariable = new Lazy<Dictionary<string, Input>>(Build);
    }

    /// <summary>The input read from <paramref name="variable"/> (compared ignoring case), or <c>null</c>.</summary>
    public Input? Find(string variable) => byVariable.Value.TryGetValue(variable, out var input) ? input : null;

    private Dictionary<string, Input> Build()
    {
        var map = new Dictionary<string, Input>(StringComparer.OrdinalIgnoreCase);
        foreach (var type in symbols.Compilation.GetSymbolsWithName("ActionInputs", SymbolFilter.Type).OfType<INamedTypeSymbol>())
        {
            if (!symbols.IsGeneratedByCac(type) || type.GetTypeMembers("EnvironmentVariables").FirstOrDefault() is not { } variables)
            {
                continue;
            }

            foreach (var constant in variables.GetMembers().OfType<IFieldSymbol>())
            {
                if (constant.ConstantValue is string name &&
                    type.GetMembers(constant.Name).OfType<IPropertySymbol>().FirstOrDefault() is { } property &&
                    !map.ContainsKey(name))
                {
                    var isSecret = SymbolEqualityComparer.Default.Equals(property.Type, symbols.Secret);
                    map.Add(name, new Input(property.Name, type.ToDisplayString(), isSecret));
                }
            }
        }

        return map;
    }

    /// <summary>A generated input property.</summary>
    internal sealed class Input
    {
        public Input(string property, string inputsType, bool isSecret)
        {
            Property = property;
            InputsType = inputsType;
            IsSecret = isSecret;
        }

        public string Property { get; }

        /// <summary>The full name of the generated class, e.g. <c>Cac.Action.ActionInputs</c>.</summary>
        public string InputsType { get; }

        public bool IsSecret { get; }
    }
}
