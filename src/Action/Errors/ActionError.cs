using System;

namespace Cac.Action.Errors;

/// <summary>
/// The one failure type of the action: the upstream action's message (people search for it), our error
/// code and a fix hint. Everything that can fail is translated into this before it reaches Program.
/// </summary>
public sealed class ActionError : Exception
{
    public ActionError(string message, ErrorCode code, Exception? innerException = null)
        : base(message, innerException)
    {
        Code = code;
    }

    public ErrorCode Code { get; }
}
