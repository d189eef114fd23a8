using System.Collections.Generic;

namespace Cac.Generator.Tests.Emitting;

/// <summary>An action that uses every input kind, a deprecated input, odd names, secrets and fallbacks.</summary>
internal static class KitchenSink
{
    public const string ActionYml = """
        name: 'Kitchen "sink"'
        description: Every kind of input.
        inputs:
          name:
            description: |
              A required string.
              Second line with <xml> & "quotes" and a \ backslash.
            required: true
          token:
            description: A secret with a default.
            default: 'default-token'
          flag:
            description: Boolean without default.
          enabled:
            description: Boolean with default.
            default: true
          count:
            description: Integer without default.
          retries:
            description: Integer with a named value default.
            default: infinite
          ratio:
            description: Number with default.
            default: 0.5
          mode:
            description: Enum with default.
            default: fast
          level:
            description: Enum without default.
          tags:
            description: String list, one per line.
          ports:
            description: Integer list with default.
            default: '80, 443'
          switches:
            description: Boolean list.
          old-thing:
            description: Deprecated.
            deprecationMessage: 'Use "name" instead.'
          event:
            description: A name that is a C# keyword in lower case.
          SHOUTING_NAME:
            description: All caps.
          camelCase:
            description: camel.
          with space:
            description: Space in the name.
          expression:
            description: Expression default.
            default: ${{ github.token }}
        outputs:
          result:
            description: Plain output.
          secret-value:
            description: Secret output.
        """;

    public const string TypesYml = """
        inputs:
          flag: { type: boolean }
          enabled: { type: boolean }
          count: { type: integer }
          retries: { type: integer, named-values: { infinite: -1 } }
          ratio: { type: float }
          mode: { type: enum, allowed-values: [fast, slow, extra-slow] }
          level: { type: enum, allowed-values: [low, high] }
          tags: { type: list, separator: "\n", list-item: { type: string } }
          ports: { type: list, separator: ",", list-item: { type: integer } }
          switches: { type: list, separator: ",", list-item: { type: boolean } }
        """;

    public const string FallbacksYml = """
        inputs:
          token: KITCHEN_TOKEN
          ports: KITCHEN_PORTS
          mode: KITCHEN_MODE
        """;

    /// <summary>The three files as AdditionalFiles.</summary>
    public static Microsoft.CodeAnalysis.AdditionalText[] Files() =>
    [
        new TestSupport.InMemoryAdditionalText("/x/action.yml", ActionYml),
        new TestSupport.InMemoryAdditionalText("/x/action-types.yml", TypesYml),
        new TestSupport.InMemoryAdditionalText("/x/action-fallbacks.yml", FallbacksYml),
    ];

    public static Dictionary<string, string> Options { get; } = new()
    {
        ["build_property.Cac_GeneratedNamespace"] = "Kitchen.Sink",
        ["build_property.Cac_SecretInputs"] = "token",
        ["build_property.Cac_SecretOutputs"] = "secret-value",
    };
}
