namespace Cac.Abstractions;

/// <summary>A typed input with a default: its parsed value, or the default when it is empty (or invalid).</summary>
/// <typeparam name="T">bool, int, double or a generated enum.</typeparam>
public sealed class DefaultedValueInput<T> : InputDeclaration<T>
    where T : struct
{
    private readonly ValueInput<T> value;
    private readonly T defaultValue;

    /// <summary>Declares a typed input parsed by <paramref name="parse"/>, with a default the generator checked.</summary>
    public DefaultedValueInput(string name, string variable, string? fallbackVariable, InputParser<T> parse, T defaultValue)
        : base(name, variable, fallbackVariable, required: false)
    {
        value = new ValueInput<T>(name, variable, fallbackVariable, required: false, parse);
        this.defaultValue = defaultValue;
    }

    /// <inheritdoc />
    public override T Read(InputReader reader) => value.Read(reader) ?? defaultValue;
}
