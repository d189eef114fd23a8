using System.IO;
using System.Linq;
using Cac.Generator.Tests.TestSupport;

namespace Cac.Generator.Tests.RealWorld;

/// <summary>
/// The in-repo fixtures (tests/Generator.Tests/Fixtures): names with hyphens, underscores and spaces, block
/// scalars, <c>${{ }}</c> defaults, deprecated and body-less inputs, a .yaml file name and broken YAML.
/// </summary>
public class FixtureTests
{
    public static TheoryData<string> Fixtures() => new(FixtureFiles());

    [Fact]
    public void Every_shape_has_a_fixture() =>
        Assert.Equal(["block-scalars.yml", "broken.yml", "deprecated.yml", "expression-defaults.yml", "names.yml", "yaml-extension.yaml"], FixtureFiles());

    private static string[] FixtureFiles() =>
        Directory.GetFiles(RepositoryPaths.FixtureDirectory).Select(path => Path.GetFileName(path)).Order(System.StringComparer.Ordinal).ToArray();

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Generates_code_that_compiles_and_tables_that_match_the_file(string fileName) =>
        ActionFileCheck.Verify(Path.Combine(RepositoryPaths.FixtureDirectory, fileName));
}
