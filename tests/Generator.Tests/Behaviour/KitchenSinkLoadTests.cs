using System.Collections.Generic;
using System.Linq;
using Cac.Abstractions;
using Cac.Generator.Tests.TestSupport;

namespace Cac.Generator.Tests.Behaviour;

/// <summary>Load behaviour for the kinds our own action does not use: numbers, enums, typed lists, named values.</summary>
public class KitchenSinkLoadTests
{
    private static readonly GeneratedAction Action = GeneratedAction.KitchenSink;

    private static Dictionary<string, string> Env(params (string Name, string Value)[] variables)
    {
        var env = new Dictionary<string, string> { ["INPUT_NAME"] = "n" };
        foreach (var (name, value) in variables)
        {
            env[name] = value;
        }

        return env;
    }

    private object EnumValue(string type, string member) =>
        System.Enum.Parse(Action.InputsType.GetNestedType(type)!, member);

    [Fact]
    public void Defaults_of_every_kind()
    {
        var masker = new RecordingMasker();
        var inputs = Action.LoadValid(Env(), masker);

        Assert.Equal(true, Action.Get(inputs, "Enabled"));
        Assert.Equal(-1, Action.Get(inputs, "Retries"));
        Assert.Equal(0.5, Action.Get(inputs, "Ratio"));
        Assert.Equal(EnumValue("ModeValue", "Fast"), Action.Get(inputs, "Mode"));
        Assert.Null(Action.Get(inputs, "Level"));
        Assert.Equal([80, 443], (IReadOnlyList<int>)Action.Get(inputs, "Ports")!);
        Assert.Equal(string.Empty, Action.Get(inputs, "Expression"));
        Assert.Equal("default-token", ((Secret)Action.Get(inputs, "Token")!).Reveal());
        Assert.Equal(["default-token"], masker.Masks);
    }

    [Fact]
    public void Numbers_enums_named_values_and_typed_lists_parse()
    {
        var inputs = Action.LoadValid(Env(
            ("INPUT_RATIO", "-1.25e2"),
            ("INPUT_MODE", "extra-slow"),
            ("INPUT_LEVEL", "high"),
            ("INPUT_RETRIES", "infinite"),
            ("INPUT_COUNT", "-7"),
            ("INPUT_PORTS", "8080,,9090 "),
            ("INPUT_SWITCHES", "true, FALSE"),
            ("INPUT_SHOUTING_NAME", "loud"),
            ("INPUT_CAMELCASE", "c"),
            ("INPUT_WITH_SPACE", "s"),
            ("INPUT_EVENT", "push")));

        Assert.Equal(-125.0, Action.Get(inputs, "Ratio"));
        Assert.Equal(EnumValue("ModeValue", "ExtraSlow"), Action.Get(inputs, "Mode"));
        Assert.Equal(EnumValue("LevelValue", "High"), Action.Get(inputs, "Level"));
        Assert.Equal(-1, Action.Get(inputs, "Retries"));
        Assert.Equal(-7, Action.Get(inputs, "Count"));
        Assert.Equal([8080, 9090], (IReadOnlyList<int>)Action.Get(inputs, "Ports")!);
        Assert.Equal([true, false], (IReadOnlyList<bool>)Action.Get(inputs, "Switches")!);
        Assert.Equal("loud", Action.Get(inputs, "ShoutingName"));
        Assert.Equal("c", Action.Get(inputs, "CamelCase"));
        Assert.Equal("s", Action.Get(inputs, "WithSpace"));
        Assert.Equal("push", Action.Get(inputs, "Event"));
    }

    [Fact]
    public void Every_bad_value_produces_its_named_error()
    {
        var error = Action.LoadInvalid(new Dictionary<string, string>
        {
            ["INPUT_FLAG"] = "maybe",
            ["INPUT_COUNT"] = "ten",
            ["INPUT_RATIO"] = "NaN",
            ["INPUT_MODE"] = "Fast",
            ["INPUT_PORTS"] = "80,http,443,x",
            ["INPUT_SWITCHES"] = "true,no",
        });

        Assert.Equal(
            [
                InputErrors.Required("name").Message,
                InputErrors.NotBoolean("flag").Message,
                InputErrors.NotInteger("count", "ten").Message,
                InputErrors.NotNumber("ratio", "NaN").Message,
                InputErrors.NotAllowed("mode", "Fast", "fast, slow, extra-slow").Message,
                InputErrors.NotInteger("ports", "http").Message,
                InputErrors.NotInteger("ports", "x").Message,
                InputErrors.NotBoolean("switches").Message,
            ],
            error.Errors.Select(e => e.Message));
    }

    [Fact]
    public void An_integer_with_named_values_names_them_in_its_error()
    {
        var error = Action.LoadInvalid(Env(("INPUT_RETRIES", "forever")));

        Assert.Equal(InputErrors.NotIntegerOrNamed("retries", "forever", "infinite").Message, Assert.Single(error.Errors).Message);
    }

    [Fact]
    public void Fallbacks_fill_secret_list_and_enum_inputs_and_the_secret_is_masked()
    {
        var masker = new RecordingMasker();
        var inputs = Action.LoadValid(Env(("KITCHEN_TOKEN", " from-env "), ("KITCHEN_PORTS", "1,2"), ("KITCHEN_MODE", "slow")), masker);

        Assert.Equal("from-env", ((Secret)Action.Get(inputs, "Token")!).Reveal());
        Assert.Equal(["from-env"], masker.Masks);
        Assert.Equal([1, 2], (IReadOnlyList<int>)Action.Get(inputs, "Ports")!);
        Assert.Equal(EnumValue("ModeValue", "Slow"), Action.Get(inputs, "Mode"));
    }

    [Fact]
    public void A_default_list_cannot_be_changed_by_the_code_that_reads_it()
    {
        var ports = (IList<int>)Action.Get(Action.LoadValid(Env()), "Ports")!;

        Assert.Throws<System.NotSupportedException>(() => ports[0] = 1);
        Assert.Equal([80, 443], (IReadOnlyList<int>)Action.Get(Action.LoadValid(Env()), "Ports")!);
    }

    [Theory]
    [InlineData("Infinity")]
    [InlineData("1e999")]
    [InlineData("1,5")]
    [InlineData("0x1")]
    public void Numbers_must_be_finite_invariant_decimals(string value) =>
        Assert.Equal("ratio", Assert.Single(Action.LoadInvalid(Env(("INPUT_RATIO", value))).Errors).InputName);

    [Fact]
    public void Deprecated_inputs_are_obsolete_with_their_message()
    {
        var property = Action.InputsType.GetProperty("OldThing")!;

        var obsolete = Assert.Single(property.GetCustomAttributes(typeof(System.ObsoleteAttribute), false).Cast<System.ObsoleteAttribute>());
        Assert.Equal("Use \"name\" instead.", obsolete.Message);
    }

    [Fact]
    public void Secret_outputs_are_masked_before_they_are_written()
    {
        var journal = new List<string>();
        var outputs = Action.NewOutputs(new RecordingSink(journal), new RecordingMasker(journal));
        var masker = new RecordingMasker();

        Action.OutputsType.GetMethod("SetResult")!.Invoke(outputs, ["plain"]);
        Action.OutputsType.GetMethod("SetSecretValue")!.Invoke(outputs, [Secret.Create("s3cr3t", masker)]);

        Assert.Equal(["output:result=plain", "mask:s3cr3t", "output:secret-value=s3cr3t"], journal);
        Assert.Equal(typeof(Secret), Action.OutputsType.GetMethod("SetSecretValue")!.GetParameters().Single().ParameterType);
        Assert.Equal(typeof(string), Action.OutputsType.GetMethod("SetResult")!.GetParameters().Single().ParameterType);
    }

    [Fact]
    public void Docs_constants_match_the_docs_emitter()
    {
        var table = (string)Action.DocsType.GetField("InputsTable")!.GetRawConstantValue()!;

        Assert.Equal(20, table.Split('\n', System.StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("| `old-thing` (deprecated) |", table, System.StringComparison.Ordinal);
    }
}
