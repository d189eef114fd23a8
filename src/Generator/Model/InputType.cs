namespace Cac.Generator.Model;

/// <summary>
/// The declared type of one input or list item: kind plus what that kind needs (enum values, list separator
/// and item type, named integer values).
/// </summary>
public sealed record InputType(
    InputKind Kind,
    EquatableArray<string> AllowedValues,
    EquatableArray<NamedInteger> NamedValues,
    string? Separator,
    InputType? ListItem)
{
    /// <summary>The type of inputs that have no typing.</summary>
    public static InputType String { get; } = Scalar(InputKind.String);

    /// <summary>A scalar type without enum values or named values.</summary>
    public static InputType Scalar(InputKind kind) =>
        new(kind, EquatableArray<string>.Empty, EquatableArray<NamedInteger>.Empty, null, null);

    /// <summary>The type that values are parsed as: the item type for lists, this type otherwise.</summary>
    public InputType ElementType => Kind == InputKind.List && ListItem is not null ? ListItem : this;
}

/// <summary>A special word accepted by an integer input in place of a number, e.g. <c>infinite: -1</c>.</summary>
public sealed record NamedInteger(string Name, int Value);
