using System.Linq;
using Cac.Analyzers.Internals;
using Microsoft.CodeAnalysis;

namespace Cac.Analyzers.Flow;

/// <summary>
/// Which values can carry a secret's characters onward. A number, a bool or a <c>Secret</c> cannot, so
/// <c>token.Length</c>, <c>a == b</c> and <c>string.IsNullOrEmpty(token)</c> end the flow by their type alone.
/// </summary>
internal static class TextTypes
{
    public static bool CanCarryText(ITypeSymbol? type, KnownSymbols symbols)
    {
        switch (type)
        {
            case null:
                return false;
            case IArrayTypeSymbol array:
                return array.ElementType.SpecialType == SpecialType.System_Byte || CanCarryText(array.ElementType, symbols);
            case ITypeParameterSymbol:
                return true;
        }

        switch (type.SpecialType)
        {
            case SpecialType.System_String:
            case SpecialType.System_Char:
            case SpecialType.System_Object:
                return true;
            case SpecialType.None:
                break;
            default:
                return false;
        }

        if (SymbolEqualityComparer.Default.Equals(type, symbols.Secret) || type.TypeKind == TypeKind.Enum || type.TypeKind == TypeKind.Delegate)
        {
            return false;
        }

        if (SymbolEqualityComparer.Default.Equals(type, symbols.StringBuilder) ||
            SymbolEqualityComparer.Default.Equals(type, symbols.FormattableString) ||
            IsNonGenericCollection(type))
        {
            return true;
        }

        if (type is INamedTypeSymbol { IsGenericType: true } generic)
        {
            if (symbols.WrapperTypes.Contains(generic.OriginalDefinition, SymbolEqualityComparer.Default) &&
                generic.TypeArguments[0].SpecialType == SpecialType.System_Byte)
            {
                return true;
            }

            return generic.TypeArguments.Any(argument => CanCarryText(argument, symbols));
        }

        return false;
    }

    /// <summary><c>System.Collections</c> (<c>IDictionary</c>, <c>ArrayList</c>): values are objects, so anything.</summary>
    private static bool IsNonGenericCollection(ITypeSymbol type) =>
        type.ContainingNamespace is { Name: "Collections" } collections &&
        collections.ContainingNamespace is { Name: "System" } system &&
        system.ContainingNamespace is { IsGlobalNamespace: true };
}
