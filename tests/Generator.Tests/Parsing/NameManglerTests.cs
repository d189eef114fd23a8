using Cac.Generator.Parsing;

namespace Cac.Generator.Tests.Parsing;

public class NameManglerTests
{
    [Theory]
    [InlineData("aws-region", "AwsRegion")]
    [InlineData("ssh_private_key", "SshPrivateKey")]
    [InlineData("SSH_PRIVATE_KEY", "SshPrivateKey")]
    [InlineData("SOURCE", "Source")]
    [InlineData("runTests", "RunTests")]
    [InlineData("enable-AzPSSession", "EnableAzPSSession")]
    [InlineData("with spaces here", "WithSpacesHere")]
    [InlineData("kv-version", "KvVersion")]
    [InlineData("1password", "_1password")]
    [InlineData("class", "Class")]
    [InlineData("outputs", "Outputs")]
    [InlineData("--", "")]
    [InlineData("ünïcode-näme", "ÜnïcodeNäme")]
    public void Member_names_are_PascalCase(string name, string expected) =>
        Assert.Equal(expected, NameMangler.ToMemberName(name));

    [Theory]
    [InlineData("aws-region", "INPUT_AWS-REGION")]
    [InlineData("with spaces", "INPUT_WITH_SPACES")]
    [InlineData("runTests", "INPUT_RUNTESTS")]
    [InlineData("snake_case", "INPUT_SNAKE_CASE")]
    public void Environment_variables_follow_the_runner(string name, string expected) =>
        Assert.Equal(expected, NameMangler.ToEnvironmentVariable(name));
}
