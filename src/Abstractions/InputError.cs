namespace Cac.Abstractions;

/// <summary>One invalid input: which input, and a message that names the accepted values.</summary>
public sealed class InputError
{
    /// <summary>Creates an error for <paramref name="inputName"/>.</summary>
    public InputError(string inputName, string message)
    {
        InputName = inputName;
        Message = message;
    }

    /// <summary>The input's name as written in action.yml, e.g. <c>role-duration-seconds</c>.</summary>
    public string InputName { get; }

    /// <summary>The complete message shown to the user.</summary>
    public string Message { get; }

    /// <inheritdoc />
    public override string ToString() => Message;
}
