using System;
using System.IO;

namespace Cac.Generator.Tests.TestSupport;

/// <summary>
/// Compares text with a committed <c>Snapshots/{name}.verified.{extension}</c>. On a mismatch it writes
/// <c>{name}.received.{extension}</c> beside it and fails. With <c>UPDATE_SNAPSHOTS=1</c> (and not on CI,
/// where <c>CI=true</c>) it rewrites the verified file instead, for a human to review in the diff.
/// </summary>
internal static class Snapshot
{
    public static void Match(string actual, string name, string extension)
    {
        var normalized = actual.Replace("\r\n", "\n");
        var verifiedPath = Path.Combine(RepositoryPaths.SnapshotDirectory, name + ".verified." + extension);
        var receivedPath = Path.Combine(RepositoryPaths.SnapshotDirectory, name + ".received." + extension);
        var onCi = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        var update = Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1" && !onCi;

        var expected = File.Exists(verifiedPath) ? File.ReadAllText(verifiedPath).Replace("\r\n", "\n") : null;
        if (expected == normalized)
        {
            File.Delete(receivedPath);
            return;
        }

        if (update)
        {
            File.WriteAllText(verifiedPath, normalized);
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, normalized);
        Assert.Fail(expected is null
            ? $"No snapshot {verifiedPath}; wrote {receivedPath}. Review it and rename it to .verified (or run with UPDATE_SNAPSHOTS=1)."
            : $"{verifiedPath} differs from the output; wrote {receivedPath}. Diff them; if the change is intended, run with UPDATE_SNAPSHOTS=1.");
    }
}
