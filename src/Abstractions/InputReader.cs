using System;
using System.Collections.Generic;

namespace Cac.Abstractions;

/// <summary>
/// Reads inputs for a generated <c>ActionInputs.Load</c>: every value through the environment (never the process
/// environment), every secret masked as it is read, and every error kept, so that one exception can report them all.
/// </summary>
public sealed class InputReader
{
    private readonly IActionEnvironment environment;
    private readonly ISecretMasker masker;
    private readonly List<InputError> errors = new();

    /// <summary>Creates a reader over <paramref name="environment"/> that masks secrets with <paramref name="masker"/>.</summary>
    public InputReader(IActionEnvironment environment, ISecretMasker masker)
    {
        this.environment = environment ?? throw new ArgumentNullException(nameof(environment));
        this.masker = masker ?? throw new ArgumentNullException(nameof(masker));
    }

    /// <summary>The errors found so far, in the order the inputs were read.</summary>
    public IReadOnlyList<InputError> Errors => errors;

    /// <summary>Throws an <see cref="InputValidationException"/> with every error found, if there is any.</summary>
    public void ThrowIfInvalid()
    {
        if (errors.Count > 0)
        {
            throw new InputValidationException(errors.ToArray());
        }
    }

    /// <summary>
    /// The trimmed value of <paramref name="variable"/>; when that is empty, the trimmed value of
    /// <paramref name="fallbackVariable"/>; <c>""</c> when both are empty or unset.
    /// </summary>
    internal string Text(string variable, string? fallbackVariable)
    {
        var text = Trimmed(variable);
        return text.Length > 0 || fallbackVariable is null ? text : Trimmed(fallbackVariable);
    }

    internal void Report(InputError error) => errors.Add(error);

    internal Secret Mask(string value) => Secret.Create(value, masker);

    private string Trimmed(string variable) => environment.GetVariable(variable)?.Trim() ?? string.Empty;
}
