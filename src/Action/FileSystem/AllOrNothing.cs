using System;
using System.Collections.Generic;
using Cac.Action.Errors;

namespace Cac.Action.FileSystem;

/// <summary>
/// Commits prepared writes in order; when one fails, rolls back that one and every one before it, last
/// first, so the run leaves nothing behind that the runner or a later step could pick up. The error
/// reported is the write's own; if an undo fails too, that is added to it, since the user must then
/// clean up by hand.
/// </summary>
public static class AllOrNothing
{
    public static void Commit(IReadOnlyList<IStagedWrite?> writes)
    {
        ArgumentNullException.ThrowIfNull(writes);
        var started = new List<IStagedWrite>(writes.Count);
        try
        {
            foreach (var write in writes)
            {
                if (write is not null)
                {
                    started.Add(write);
                    write.Commit();
                }
            }
        }
        catch (Exception failure)
        {
            var undoFailures = new List<string>();
            for (var i = started.Count - 1; i >= 0; i--)
            {
                try
                {
                    started[i].RollBack();
                }
                catch (Exception undo) when (undo is System.IO.IOException or UnauthorizedAccessException or ActionError)
                {
                    undoFailures.Add(undo.Message);
                }
            }

            if (undoFailures.Count == 0)
            {
                throw;
            }

            throw new ActionError(
                failure.Message + " Undoing the writes before it failed as well, so a partial result may be left: " + string.Join("; ", undoFailures),
                failure is ActionError error ? error.Code : ErrorCode.WriteFailed,
                failure);
        }
    }
}
