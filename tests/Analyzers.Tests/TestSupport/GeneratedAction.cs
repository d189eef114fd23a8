using System.Collections.Generic;
using System.Linq;
using Cac.Generator;
using Cac.Generator.Tests.TestSupport;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Cac.Analyzers.Tests.TestSupport;

/// <summary>
/// The real generator's ActionInputs and ActionOutputs for a small action in namespace <c>Sample</c>, added to
/// every test's sources, so rules see the generated types as a project using the package does. Inputs:
/// <c>api-token</c> (secret), <c>region</c>, <c>retries</c> (integer), <c>token-file</c>. Outputs: <c>token</c> (secret),
/// <c>result</c>.
/// </summary>
internal static class GeneratedAction
{
    public const string SecretOutputs = "token";

    private const string ActionYml = """
        name: Sample
        description: An action for the analyzer tests
        inputs:
          api-token:
            description: A token
          region:
            description: A region
            required: true
          retries:
            description: How often
            default: '3'
          token-file:
            description: Where the token is (a path, not a secret)
        outputs:
          token:
            description: A secret output
          result:
            description: A plain output
        runs:
          using: node24
          main: index.js
        """;

    private const string ActionTypesYml = """
        inputs:
          retries:
            type: integer
        """;

    public static IReadOnlyList<(string Name, string Text)> Sources { get; } = Generate();

    private static List<(string Name, string Text)> Generate()
    {
        var options = new Dictionary<string, string>
        {
            ["build_property.RootNamespace"] = "Sample",
            ["build_property.Cac_SecretInputs"] = "api-token",
            ["build_property.Cac_SecretOutputs"] = SecretOutputs,
        };
        var driver = CSharpGeneratorDriver.Create(
            [new ActionGenerator().AsSourceGenerator()],
            [new InMemoryAdditionalText("/sample/action.yml", ActionYml), new InMemoryAdditionalText("/sample/action-types.yml", ActionTypesYml)],
            new CSharpParseOptions(LanguageVersion.Latest),
            new DictionaryOptionsProvider(options));
        var result = driver.RunGenerators(CSharpCompilation.Create("Sample")).GetRunResult().Results.Single();
        return result.GeneratedSources
            .Where(source => source.HintName != "ActionDocs.g.cs")
            .Select(source => ("/0/Generated/" + source.HintName, source.SourceText.ToString()))
            .ToList();
    }
}
