namespace Cac.Generator.Model;

/// <summary>The content of action-types.yml.</summary>
public sealed record Typings(string FilePath, EquatableArray<Typing> Inputs, EquatableArray<Typing> Outputs)
{
    /// <summary>No typings: every input is a string.</summary>
    public static Typings None { get; } = new(string.Empty, EquatableArray<Typing>.Empty, EquatableArray<Typing>.Empty);
}

/// <summary>The type declared for one input or output.</summary>
/// <param name="Location">The entry's key, for diagnostics about the name.</param>
public sealed record Typing(string Name, InputType Type, LocationInfo Location);

/// <summary>The result of reading one action-types.yml.</summary>
public sealed record TypingsParseResult(string FilePath, Typings? Typings, EquatableArray<DiagnosticInfo> Diagnostics);
