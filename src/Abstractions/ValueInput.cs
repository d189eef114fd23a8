namespace Cac.Abstractions;

/// <summary>A typed input without a default: its parsed value, or <c>null</c> when it is empty or invalid.</summary>
/// <typeparam name="T">bool, int, double or a generated enum.</typeparam>
public sealed class ValueInput<T> : InputDeclaration<T?>
    where T : struct
{
    private readonly InputParser<T> parse;

    /// <summary>Declares a typed input parsed by <paramref name="parse"/>.</summary>
    public ValueInput(string name, string variable, string? fallbackVariable, bool required, InputParser<T> parse)
        : base(name, variable, fallbackVariable, required)
    {
        this.parse = parse;
    }

    /// <inheritdoc />
    public override T? Read(InputReader reader)
    {
        if (ReadPresent(reader) is not { } text)
        {
            return null;
        }

        if (parse(Name, text, out var value) is { } error)
        {
            reader.Report(error);
            return null;
        }

        return value;
    }
}
