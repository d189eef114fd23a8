namespace Cac.Generator.Model;

/// <summary>The content of action-fallbacks.yml: inputs that take an environment variable's value when they are empty.</summary>
public sealed record Fallbacks(string FilePath, EquatableArray<Fallback> Inputs)
{
    /// <summary>No fallbacks.</summary>
    public static Fallbacks None { get; } = new(string.Empty, EquatableArray<Fallback>.Empty);
}

/// <summary>One entry: the input and the variable it falls back to.</summary>
/// <param name="Location">The entry's key, for diagnostics about the input name.</param>
public sealed record Fallback(string Input, string Variable, LocationInfo Location);

/// <summary>The result of reading one action-fallbacks.yml.</summary>
public sealed record FallbacksParseResult(string FilePath, Fallbacks? Fallbacks, EquatableArray<DiagnosticInfo> Diagnostics);
