namespace Cac.Action.FileSystem;

/// <summary>
/// One write of a run's result that has been prepared (files opened and checked, content rendered or
/// written aside) and can now be made visible, or undone. A run commits its writes in a fixed order and,
/// when one fails, rolls back every write it started, so that a failure leaves no half result behind.
/// </summary>
public interface IStagedWrite
{
    /// <summary>Makes the write visible; throws when it cannot (possibly after doing part of it).</summary>
    void Commit();

    /// <summary>
    /// Undoes whatever <see cref="Commit"/> did, including a commit that failed half-way; does nothing when
    /// it did nothing. Throws when the undo itself fails.
    /// </summary>
    void RollBack();
}
