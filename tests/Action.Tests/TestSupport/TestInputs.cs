using System.Collections.Generic;
using Cac.Abstractions;
using Cac.Action.Errors;
using Cac.Action.Generated;
using Cac.Action.Inputs;
using Cac.TestSupport;

namespace Cac.Action.Tests.TestSupport;

/// <summary>
/// Builds <see cref="ValidatedInputs"/> the way the main step does: <c>INPUT_*</c> variables in a
/// <see cref="DictionaryEnvironment"/>, <see cref="ActionInputs.Load"/>, then <see cref="InputReader.Read"/>.
/// </summary>
internal static class TestInputs
{
    public const string Region = "us-east-1";
    public const string RoleArn = "arn:aws:iam::111111111111:role/MY-ROLE";
    public const string AccessKeyId = "AKIAIOSFODNN7EXAMPLE";
    public const string SecretAccessKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    /// <summary>The <c>INPUT_</c> variable of an input name, as the runner spells it.</summary>
    public static string Variable(string input) => "INPUT_" + input.Replace(' ', '_').ToUpperInvariant();

    /// <summary>
    /// Reads settings from <paramref name="inputs"/> (input name → value) over <paramref name="environment"/>.
    /// <c>aws-region</c> is <see cref="Region"/> unless given.
    /// </summary>
    public static ValidatedInputs Read(IEnumerable<(string Input, string Value)> inputs, DictionaryEnvironment? environment, out List<string> warnings)
    {
        var env = environment ?? new DictionaryEnvironment();
        var withRegion = new List<(string Input, string Value)> { ("aws-region", Region) };
        withRegion.AddRange(inputs);
        foreach (var (input, value) in withRegion)
        {
            env.SetVariable(Variable(input), value);
        }

        var loaded = ActionInputs.Load(new InputFallbackEnvironment(env), new RecordingMasker());
        warnings = [];
        return InputReader.Read(loaded, env, warnings);
    }

    public static ValidatedInputs Read(params (string Input, string Value)[] inputs) => Read(inputs, null, out _);

    public static ValidatedInputs Read(DictionaryEnvironment environment, params (string Input, string Value)[] inputs) =>
        Read(inputs, environment, out _);

    /// <summary>The message of the error <see cref="InputReader.Read"/> throws for these inputs.</summary>
    public static string ErrorOf(params (string Input, string Value)[] inputs)
    {
        var error = Assert.Throws<ActionError>(() => Read(inputs));
        Assert.Same(ErrorCode.InvalidInput, error.Code);
        return error.Message;
    }

    /// <summary>A secret for hand-built records.</summary>
    public static Secret MakeSecret(string value) => Secret.Create(value, new RecordingMasker());
}
