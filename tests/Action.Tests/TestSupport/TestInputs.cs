using System.Collections.Generic;
using Cac.Abstractions;
using Cac.Action.Errors;
using Cac.Action.Generated;
using Cac.Action.Inputs;
using Cac.Action.Planning;
using Cac.TestSupport;

namespace Cac.Action.Tests.TestSupport;

/// <summary>
/// Builds <see cref="ValidatedInputs"/> and plans the way the main step does: <c>INPUT_*</c> variables in a
/// <see cref="DictionaryEnvironment"/>, <see cref="ActionInputs.Load"/>, <see cref="InputValidator.Read"/>,
/// then <see cref="Planner.Create"/>.
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
    /// Reads <paramref name="inputs"/> (input name → value) as the runner passes them, over
    /// <paramref name="environment"/>. <c>aws-region</c> is <see cref="Region"/> unless given.
    /// </summary>
    public static ValidatedInputs Read(IEnumerable<(string Input, string Value)> inputs, DictionaryEnvironment? environment)
    {
        var env = environment ?? new DictionaryEnvironment();
        var withRegion = new List<(string Input, string Value)> { ("aws-region", Region) };
        withRegion.AddRange(inputs);
        foreach (var (input, value) in withRegion)
        {
            env.SetVariable(Variable(input), value);
        }

        var loaded = ActionInputs.Load(env, new RecordingMasker());
        return InputValidator.Read(loaded, env);
    }

    public static ValidatedInputs Read(params (string Input, string Value)[] inputs) => Read(inputs, null);

    public static ValidatedInputs Read(DictionaryEnvironment environment, params (string Input, string Value)[] inputs) =>
        Read(inputs, environment);

    /// <summary>The plan for <paramref name="inputs"/> on a runner with <paramref name="environment"/>, as the main step makes it.</summary>
    public static Plan Plan(DictionaryEnvironment environment, params (string Input, string Value)[] inputs) =>
        Planner.Create(Read(environment, inputs), environment);

    /// <summary>The plan for <paramref name="inputs"/> on a complete runner without an ID token.</summary>
    public static Plan Plan(params (string Input, string Value)[] inputs) => Plan(Env.RunnerWith(), inputs);

    /// <summary>The message of the error <see cref="InputValidator.Read"/> throws for these inputs.</summary>
    public static string ErrorOf(params (string Input, string Value)[] inputs)
    {
        var error = Assert.Throws<ActionError>(() => Read(inputs));
        Assert.Same(ErrorCode.InvalidInput, error.Code);
        return error.Message;
    }

    /// <summary>A secret for hand-built records.</summary>
    public static Secret MakeSecret(string value) => Secret.Create(value, new RecordingMasker());
}
