namespace Cac.Abstractions;

/// <summary>A string input listed in <c>Cac_SecretInputs</c>: masked as it is read, and handed out as a <see cref="Secret"/>.</summary>
public sealed class SecretInput : InputDeclaration<Secret>
{
    private readonly string defaultValue;

    /// <summary>Declares a secret input; <paramref name="defaultValue"/> is <c>""</c> when action.yml has none.</summary>
    public SecretInput(string name, string variable, string? fallbackVariable, bool required, string defaultValue)
        : base(name, variable, fallbackVariable, required)
    {
        this.defaultValue = defaultValue;
    }

    /// <inheritdoc />
    public override Secret Read(InputReader reader) => reader.Mask(ReadPresent(reader) ?? defaultValue);
}
