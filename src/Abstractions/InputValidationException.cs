using System;
using System.Collections.Generic;
using System.Linq;

namespace Cac.Abstractions;

/// <summary>Thrown by a generated <c>Load</c> method with every invalid input at once, in declaration order.</summary>
public sealed class InputValidationException : Exception
{
    /// <summary>Creates the exception from at least one error.</summary>
    public InputValidationException(IReadOnlyList<InputError> errors)
        : base(string.Join("\n", (errors ?? throw new ArgumentNullException(nameof(errors))).Select(e => e.Message)))
    {
        Errors = errors;
    }

    /// <summary>The errors, in the order the inputs are declared in action.yml.</summary>
    public IReadOnlyList<InputError> Errors { get; }
}
