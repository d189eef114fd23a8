namespace Cac.Abstractions;

/// <summary>An input without a typing: its trimmed text, or its default when it is empty.</summary>
public sealed class StringInput : InputDeclaration<string>
{
    private readonly string defaultValue;

    /// <summary>Declares a string input; <paramref name="defaultValue"/> is <c>""</c> when action.yml has none.</summary>
    public StringInput(string name, string variable, string? fallbackVariable, bool required, string defaultValue)
        : base(name, variable, fallbackVariable, required)
    {
        this.defaultValue = defaultValue;
    }

    /// <inheritdoc />
    public override string Read(InputReader reader) => ReadPresent(reader) ?? defaultValue;
}
