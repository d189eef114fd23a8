namespace Cac.Generator.Model;

/// <summary>The value type of an input, from action-types.yml; inputs without a typing are strings.</summary>
public enum InputKind
{
    /// <summary>Trimmed text.</summary>
    String,

    /// <summary>One of <c>true|True|TRUE|false|False|FALSE</c>.</summary>
    Boolean,

    /// <summary>A whole number that fits an <see cref="int"/>.</summary>
    Integer,

    /// <summary>A finite decimal number (<c>float</c> or <c>number</c> in action-types.yml).</summary>
    Number,

    /// <summary>One of a fixed set of strings, matched case-sensitively.</summary>
    Enum,

    /// <summary>Items split on a separator; the item kind is one of the scalar kinds.</summary>
    List,
}
