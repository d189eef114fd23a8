using System.Collections.Immutable;
using System.Linq;
using Cac.Generator.Model;
using Cac.Generator.Parsing;

namespace Cac.Generator.Tests.Parsing;

public class SpecBuilderTests
{
    private static BuildResult Build(string actionYml, string? typesYml = null, string secretInputs = "", string secretOutputs = "", string? fallbacksYml = null)
    {
        var options = new GeneratorOptions("Test", OptionsReader.SplitNames(secretInputs), OptionsReader.SplitNames(secretOutputs));
        var typings = typesYml is null ? null : TypingsParser.Parse("/a/action-types.yml", typesYml);
        var fallbacks = fallbacksYml is null ? null : FallbacksParser.Parse("/a/action-fallbacks.yml", fallbacksYml);
        return SpecBuilder.Build(ActionMetadataParser.Parse("/a/action.yml", actionYml), typings, fallbacks, options);
    }

    private static ActionSpec BuildValid(string actionYml, string? typesYml = null, string secretInputs = "", string secretOutputs = "", string? fallbacksYml = null)
    {
        var result = Build(actionYml, typesYml, secretInputs, secretOutputs, fallbacksYml);
        Assert.Empty(result.Diagnostics);
        return result.Spec!;
    }

    private static DiagnosticInfo SingleError(BuildResult result, string id)
    {
        Assert.Null(result.Spec);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(id, diagnostic.Id);
        return diagnostic;
    }

    [Fact]
    public void Names_members_and_environment_variables()
    {
        var spec = BuildValid("inputs:\n  aws-region: {}\n  class: {}\n  with space: {}\noutputs:\n  aws-account-id: {}\n");

        Assert.Equal(["AwsRegion", "Class", "WithSpace"], spec.Inputs.Select(i => i.MemberName));
        Assert.Equal(["INPUT_AWS-REGION", "INPUT_CLASS", "INPUT_WITH_SPACE"], spec.Inputs.Select(i => i.EnvironmentVariable));
        Assert.Equal("AwsAccountId", spec.Outputs.Single().MemberName);
        Assert.Equal("Test", spec.Namespace);
    }

    [Fact]
    public void Names_that_become_the_same_member_give_CAC1004_at_the_later_one()
    {
        var diagnostic = SingleError(Build("inputs:\n  foo-bar: {}\n  fooBar: {}\n"), "CAC1004");

        Assert.Equal(["Input", "fooBar", "C# member", "FooBar", "input 'foo-bar'"], diagnostic.MessageArguments);
        Assert.Equal(2, diagnostic.Location!.StartLine);
    }

    [Fact]
    public void Names_that_read_the_same_environment_variable_give_CAC1004()
    {
        var result = Build("inputs:\n  a b: {}\n  a_b: {}\n");

        Assert.Null(result.Spec);
        Assert.Contains(result.Diagnostics, d => d.Id == "CAC1004" && d.MessageArguments[3] == "INPUT_A_B");
    }

    [Theory]
    [InlineData("load", "LoadInput")]
    [InlineData("names", "NamesInput")]
    [InlineData("environment-variables", "EnvironmentVariablesInput")]
    [InlineData("to-string", "ToStringInput")]
    [InlineData("action-inputs", "ActionInputsInput")]
    public void Inputs_that_would_hide_a_generated_member_get_a_suffix_and_an_info(string name, string member)
    {
        var result = Build("inputs:\n  " + name + ": {}\n");

        Assert.Equal(member, result.Spec!.Inputs.Single().MemberName);
        var info = Assert.Single(result.Diagnostics);
        Assert.Equal("CAC1013", info.Id);
        Assert.Equal(member, info.MessageArguments[4]);
    }

    [Fact]
    public void A_suffixed_name_that_meets_a_real_one_gives_CAC1004()
    {
        var result = Build("inputs:\n  load-input: {}\n  load: {}\n");

        Assert.Null(result.Spec);
        Assert.Equal(["CAC1013", "CAC1004"], result.Diagnostics.Select(d => d.Id));
    }

    [Fact]
    public void Outputs_that_collide_give_CAC1004_and_names_is_suffixed()
    {
        SingleError(Build("outputs:\n  out-put: {}\n  out_put: {}\n"), "CAC1004");
        Assert.Equal("NamesOutput", Build("outputs:\n  names: {}\n").Spec!.Outputs.Single().MemberName);
    }

    [Fact]
    public void An_input_and_an_output_may_share_a_name()
    {
        var spec = BuildValid("inputs:\n  token: {}\noutputs:\n  token: {}\n");

        Assert.Equal("Token", spec.Inputs.Single().MemberName);
        Assert.Equal("Token", spec.Outputs.Single().MemberName);
    }

    [Fact]
    public void Enum_values_that_collide_give_CAC1004_and_an_enum_type_that_collides_too()
    {
        SingleError(Build("inputs:\n  mode: {}\n", "inputs:\n  mode: { type: enum, allowed-values: [a-b, a_b] }\n"), "CAC1004");
        SingleError(Build("inputs:\n  mode: {}\n  mode-value: {}\n", "inputs:\n  mode: { type: enum, allowed-values: [a] }\n"), "CAC1004");
    }

    [Fact]
    public void A_name_without_letters_or_digits_gives_CAC1009()
    {
        SingleError(Build("inputs:\n  '--': {}\n"), "CAC1009");
    }

    [Fact]
    public void Typing_for_an_undeclared_input_is_a_warning_and_is_ignored()
    {
        var result = Build("inputs:\n  a: {}\n", "inputs:\n  b: { type: boolean }\n");

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("CAC1005", diagnostic.Id);
        Assert.Equal("/a/action-types.yml", diagnostic.Location!.FilePath);
        Assert.Equal(InputKind.String, result.Spec!.Inputs.Single().Type.Kind);
    }

    [Fact]
    public void Typing_errors_propagate_and_suppress_the_spec()
    {
        SingleError(Build("inputs:\n  a: {}\n", "inputs:\n  a: { type: bool }\n"), "CAC1006");
    }

    [Theory]
    [InlineData("boolean", "yes")]
    [InlineData("integer", "3.5")]
    [InlineData("integer", "0x10")]
    [InlineData("integer", "99999999999")]
    [InlineData("number", "one")]
    public void Defaults_that_do_not_parse_as_their_type_give_CAC1007_at_the_default(string type, string value)
    {
        var diagnostic = SingleError(Build("inputs:\n  a:\n    default: '" + value + "'\n", "inputs:\n  a: { type: " + type + " }\n"), "CAC1007");

        Assert.Equal(value, diagnostic.MessageArguments[0]);
        Assert.Equal((2, 13), (diagnostic.Location!.StartLine, diagnostic.Location.StartColumn));
    }

    [Fact]
    public void An_enum_default_outside_the_allowed_values_gives_CAC1007()
    {
        SingleError(Build("inputs:\n  a: { default: Fast }\n", "inputs:\n  a: { type: enum, allowed-values: [fast, slow] }\n"), "CAC1007");
    }

    [Fact]
    public void A_list_default_with_a_bad_item_gives_CAC1007_naming_the_item()
    {
        var diagnostic = SingleError(
            Build("inputs:\n  a: { default: '1,x,3' }\n", "inputs:\n  a: { type: list, separator: ',', list-item: { type: integer } }\n"),
            "CAC1007");

        Assert.Contains("'x'", diagnostic.MessageArguments[3], System.StringComparison.Ordinal);
    }

    [Fact]
    public void Expression_and_empty_defaults_are_shown_but_not_applied_by_Load()
    {
        var spec = BuildValid(
            "inputs:\n  token: { required: true, default: '${{ github.token }}' }\n  flag: { default: '' }\n  n: { default: ' 42 ' }\n",
            "inputs:\n  flag: { type: boolean }\n  n: { type: integer }\n");

        var token = spec.Inputs[0];
        Assert.Equal("${{ github.token }}", token.Default);
        Assert.Null(token.LoadDefault);
        Assert.True(token.FailsWhenMissing);
        Assert.Equal(string.Empty, spec.Inputs[1].Default);
        Assert.Null(spec.Inputs[1].LoadDefault);
        Assert.Equal("42", spec.Inputs[2].LoadDefault);
    }

    [Fact]
    public void Secret_lists_mark_inputs_and_outputs()
    {
        var spec = BuildValid("inputs:\n  key: {}\n  region: {}\noutputs:\n  key: {}\n  id: {}\n", secretInputs: "key", secretOutputs: " key ,");

        Assert.Equal([true, false], spec.Inputs.Select(i => i.IsSecret));
        Assert.Equal([true, false], spec.Outputs.Select(o => o.IsSecret));
    }

    [Fact]
    public void Secret_lists_naming_unknown_names_give_CAC1008_warnings()
    {
        var result = Build("inputs:\n  key: {}\noutputs:\n  key: {}\n", secretInputs: "key kye", secretOutputs: "nope");

        Assert.NotNull(result.Spec);
        Assert.Equal(["kye", "nope"], result.Diagnostics.Where(d => d.Id == "CAC1008").Select(d => d.MessageArguments[1]));
    }

    [Fact]
    public void A_secret_input_typed_as_non_string_gives_CAC1011()
    {
        SingleError(Build("inputs:\n  key: {}\n", "inputs:\n  key: { type: integer }\n", secretInputs: "key"), "CAC1011");
    }

    [Fact]
    public void Fallbacks_reach_their_inputs()
    {
        var spec = BuildValid("inputs:\n  region: {}\n  other: {}\n", fallbacksYml: "inputs:\n  region: AWS_REGION\n");

        Assert.Equal(["AWS_REGION", null], spec.Inputs.Select(i => i.FallbackVariable));
    }

    [Fact]
    public void A_fallback_for_an_undeclared_input_is_a_CAC1014_warning_at_its_key_and_is_ignored()
    {
        var result = Build("inputs:\n  region: {}\n", fallbacksYml: "inputs:\n  regoin: AWS_REGION\n");

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("CAC1014", diagnostic.Id);
        Assert.Equal(["regoin"], diagnostic.MessageArguments);
        Assert.Equal(("/a/action-fallbacks.yml", 1, 2), (diagnostic.Location!.FilePath, diagnostic.Location.StartLine, diagnostic.Location.StartColumn));
        Assert.Null(result.Spec!.Inputs.Single().FallbackVariable);
    }

    [Fact]
    public void An_invalid_fallback_suppresses_the_spec()
    {
        SingleError(Build("inputs:\n  region: {}\n", fallbacksYml: "inputs:\n  region: AWS-REGION\n"), "CAC1016");
    }

    [Fact]
    public void Inputs_named_FallbackVariables_or_Declarations_get_a_suffix()
    {
        var spec = Build("inputs:\n  fallback-variables: {}\n  declarations: {}\n").Spec!;

        Assert.Equal(["FallbackVariablesInput", "DeclarationsInput"], spec.Inputs.Select(i => i.MemberName));
    }

    [Fact]
    public void No_action_yml_gives_CAC1001()
    {
        var result = SpecBuilder.Build(ImmutableArray<MetadataParseResult>.Empty, ImmutableArray<TypingsParseResult>.Empty, ImmutableArray<FallbacksParseResult>.Empty, GeneratorOptions.Default);

        Assert.Null(result.Spec);
        Assert.Equal("CAC1001", Assert.Single(result.Diagnostics).Id);
    }

    [Fact]
    public void Typings_and_fallbacks_are_taken_from_the_directory_of_the_chosen_action_yml()
    {
        var metadata = ImmutableArray.Create(
            ActionMetadataParser.Parse("/b/action.yml", "inputs:\n  x: {}\n"),
            ActionMetadataParser.Parse("/a/action.yml", "inputs:\n  x: {}\n"));
        var typings = ImmutableArray.Create(
            TypingsParser.Parse("/b/action-types.yml", "inputs:\n  x: { type: integer }\n"),
            TypingsParser.Parse("/a/action-types.yml", "inputs:\n  x: { type: boolean }\n"));
        var fallbacks = ImmutableArray.Create(
            FallbacksParser.Parse("/b/action-fallbacks.yml", "inputs:\n  x: FROM_B\n"),
            FallbacksParser.Parse("/a/action-fallbacks.yml", "inputs:\n  x: FROM_A\n"));

        var result = SpecBuilder.Build(metadata, typings, fallbacks, GeneratorOptions.Default);

        Assert.Equal(InputKind.Boolean, result.Spec!.Inputs.Single().Type.Kind);
        Assert.Equal("FROM_A", result.Spec.Inputs.Single().FallbackVariable);
        var ignored = Assert.Single(result.Diagnostics);
        Assert.Equal("CAC1012", ignored.Id);
        Assert.Equal(["/a/action.yml", "/b/action.yml"], ignored.MessageArguments);
    }

    [Theory]
    [InlineData("My.Generated", "Root", "My.Generated")]
    [InlineData(null, "Root.Ns", "Root.Ns")]
    [InlineData("not valid!", "Root", "Root")]
    [InlineData(null, null, "Generated")]
    [InlineData("", "class", "Generated")]
    public void Namespace_comes_from_the_option_then_RootNamespace_then_Generated(string? configured, string? root, string expected) =>
        Assert.Equal(expected, OptionsReader.ChooseNamespace(configured, root));
}
