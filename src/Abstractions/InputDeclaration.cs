namespace Cac.Abstractions;

/// <summary>
/// How one input is read: its name, the <c>INPUT_*</c> variable the runner passes it in, the variable it falls
/// back to when that is empty, whether an empty value is an error, and how the value is parsed. The generated
/// <c>ActionInputs.Declarations</c> holds one per input.
/// </summary>
/// <typeparam name="T">The type of the input's property.</typeparam>
public abstract class InputDeclaration<T>
{
    private protected InputDeclaration(string name, string variable, string? fallbackVariable, bool required)
    {
        Name = name;
        Variable = variable;
        FallbackVariable = fallbackVariable;
        Required = required;
    }

    /// <summary>The input's name as written in action.yml, e.g. <c>aws-region</c>.</summary>
    public string Name { get; }

    /// <summary>The variable the runner passes the value in, e.g. <c>INPUT_AWS-REGION</c>.</summary>
    public string Variable { get; }

    /// <summary>The variable read when <see cref="Variable"/> is empty (from action-fallbacks.yml), or <c>null</c>.</summary>
    public string? FallbackVariable { get; }

    /// <summary>Whether an empty value is an error: the input is required and has no default to fall back on.</summary>
    public bool Required { get; }

    /// <summary>
    /// Reads this input alone, without the others, so that code that needs one input does not fail when another
    /// is invalid.
    /// </summary>
    /// <exception cref="InputValidationException">This input is missing or invalid.</exception>
    public T Read(IActionEnvironment environment, ISecretMasker masker)
    {
        var reader = new InputReader(environment, masker);
        var value = Read(reader);
        reader.ThrowIfInvalid();
        return value;
    }

    /// <summary>Reads this input through <paramref name="reader"/>, which keeps any error (what <c>Load</c> does for every input).</summary>
    public abstract T Read(InputReader reader);

    /// <summary>The input's text, or <c>null</c> when it is empty (reported first when <see cref="Required"/>).</summary>
    private protected string? ReadPresent(InputReader reader)
    {
        var text = reader.Text(Variable, FallbackVariable);
        if (text.Length > 0)
        {
            return text;
        }

        if (Required)
        {
            reader.Report(InputErrors.Required(Name));
        }

        return null;
    }
}
