using System.IO;

namespace Cac.Generator.Tests.TestSupport;

/// <summary>A fact about the shared corpus: skipped, with the reason, when the corpus is not beside the repository.</summary>
internal sealed class CorpusFactAttribute : FactAttribute
{
    public CorpusFactAttribute()
    {
        Skip = CorpusSkip.Reason;
    }
}

/// <summary>A theory over the shared corpus: skipped, with the reason, when the corpus is not beside the repository.</summary>
internal sealed class CorpusTheoryAttribute : TheoryAttribute
{
    public CorpusTheoryAttribute()
    {
        Skip = CorpusSkip.Reason;
    }
}

internal static class CorpusSkip
{
    /// <summary><c>null</c> when the corpus is there; otherwise why its tests do not run.</summary>
    public static string? Reason { get; } = Directory.Exists(RepositoryPaths.CorpusDirectory)
        ? null
        : "the shared corpus of real-world action.yml files is not at " + RepositoryPaths.CorpusDirectory + " (a clone on its own has none; CI has it)";
}
