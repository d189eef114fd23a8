using System.Collections.Generic;
using System.Linq;
using Cac.Abstractions;
using Cac.Generator.Tests.TestSupport;

namespace Cac.Generator.Tests.Behaviour;

public class OurOutputsTests
{
    private static readonly GeneratedAction Action = GeneratedAction.OurAction;

    [Theory]
    [InlineData("SetAwsAccessKeyId", "aws-access-key-id")]
    [InlineData("SetAwsSecretAccessKey", "aws-secret-access-key")]
    [InlineData("SetAwsSessionToken", "aws-session-token")]
    public void Credential_outputs_take_a_secret_and_mask_it_first(string setter, string output)
    {
        var journal = new List<string>();
        var outputs = Action.NewOutputs(new RecordingSink(journal), new RecordingMasker(journal));

        Action.OutputsType.GetMethod(setter, [typeof(Secret)])!.Invoke(outputs, [Secret.Create("value", new RecordingMasker())]);

        Assert.Equal(["mask:value", "output:" + output + "=value"], journal);
    }

    [Fact]
    public void Other_outputs_take_plain_strings_and_are_not_masked()
    {
        var journal = new List<string>();
        var outputs = Action.NewOutputs(new RecordingSink(journal), new RecordingMasker(journal));

        Action.OutputsType.GetMethod("SetAwsAccountId", [typeof(string)])!.Invoke(outputs, ["123456789012"]);

        Assert.Equal(["output:aws-account-id=123456789012"], journal);
    }

    [Fact]
    public void There_is_exactly_one_setter_per_declared_output()
    {
        var setters = Action.OutputsType.GetMethods().Where(m => m.Name.StartsWith("Set", System.StringComparison.Ordinal)).Select(m => m.Name);

        Assert.Equal(
            ["SetAssumedRoleId", "SetAuthenticatedArn", "SetAwsAccessKeyId", "SetAwsAccountId", "SetAwsExpiration", "SetAwsPartition",
             "SetAwsSecretAccessKey", "SetAwsSessionToken", "SetCredentialSource", "SetRoleSessionName"],
            setters.Order(System.StringComparer.Ordinal));
    }
}
