using System.IO;
using System.Linq;
using Cac.Generator.Tests.TestSupport;

namespace Cac.Generator.Tests.RealWorld;

/// <summary>
/// The shared corpus of real-world action.yml files, when it sits beside the repository (CI has it; a clone on
/// its own does not, and these tests are then reported as skipped with the reason). The in-repo fixtures
/// (<see cref="FixtureTests"/>) cover the shapes it taught us either way.
/// </summary>
public class CorpusTests
{
    public static TheoryData<string> CorpusFiles() => new(RepositoryPaths.CorpusFiles().Select(Path.GetFileName)!);

    [CorpusFact]
    public void The_corpus_is_there() =>
        Assert.InRange(RepositoryPaths.CorpusFiles().Length, 40, int.MaxValue);

    [CorpusTheory]
    [MemberData(nameof(CorpusFiles))]
    public void Generates_code_that_compiles_and_tables_that_match_the_file(string fileName) =>
        ActionFileCheck.Verify(Path.Combine(RepositoryPaths.CorpusDirectory, fileName));
}
