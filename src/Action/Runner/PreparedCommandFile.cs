using System;
using System.IO;
using Cac.Action.Errors;
using Cac.Action.FileSystem;

namespace Cac.Action.Runner;

/// <summary>One opened command file and the block it is to receive.</summary>
internal sealed class PreparedCommandFile : IStagedWrite, IDisposable
{
    private readonly string variable;
    private readonly AppendTarget target;
    private readonly byte[] block;
    private bool attempted;

    public PreparedCommandFile(string variable, AppendTarget target, byte[] block)
    {
        this.variable = variable;
        this.target = target;
        this.block = block;
    }

    public void Commit()
    {
        attempted = true;
        try
        {
            target.Append(block);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new ActionError(
                "Unable to write file command " + variable + " to " + target.Path + ": " + exception.Message,
                ErrorCode.WriteFailed,
                exception);
        }
    }

    public void RollBack()
    {
        if (attempted)
        {
            target.RollBack();
        }
    }

    public void Dispose() => target.Dispose();
}
