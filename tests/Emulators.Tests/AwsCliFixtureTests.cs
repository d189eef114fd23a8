using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Cac.Emulators.Runner;

namespace Cac.Emulators.Tests;

/// <summary>The AWS CLI fixtures stay what their README says, and reach tests byte for byte.</summary>
public sealed partial class AwsCliFixtureTests : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("cac-fixture-home-").FullName;

    public void Dispose() => Directory.Delete(_home, recursive: true);

    public static TheoryData<string> Fixtures() => [.. AwsCliFixture.Names];

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Every_key_in_every_fixture_is_an_example_key(string name)
    {
        var fixture = AwsCliFixture.Load(name);
        var text = string.Join('\n', new[] { fixture.Config, fixture.Credentials }.OfType<byte[]>().Select(Encoding.UTF8.GetString));

        Assert.NotEmpty(text);
        foreach (Match match in KeyLine().Matches(text))
        {
            Assert.EndsWith("EXAMPLE", match.Groups["id"].Value.Trim(), StringComparison.Ordinal);
        }

        Assert.All(SecretLine().Matches(text), match => Assert.EndsWith("EXAMPLEKEY", match.Groups["secret"].Value.Trim(), StringComparison.Ordinal));
    }

    [Fact]
    public void The_readme_describes_every_fixture()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "tests", "Fixtures", "aws-cli", "README.md"));

        Assert.All(AwsCliFixture.Names, name => Assert.Contains("| `" + name + "/` |", readme, StringComparison.Ordinal));
    }

    [Fact]
    public void The_crlf_fixture_has_only_crlf_line_endings()
    {
        var config = AwsCliFixture.Load("crlf").Config!;

        var text = Encoding.ASCII.GetString(config);
        Assert.Equal(text.Count(c => c == '\n'), Regex.Matches(text, "\r\n").Count);
        Assert.Contains("\r\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_bom_fixture_keeps_its_byte_order_mark_when_written()
    {
        new AwsConfigHome(_home).Write(AwsCliFixture.Load("bom"));

        var written = File.ReadAllBytes(Path.Combine(_home, ".aws", "config"));
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, written[..3]);
        Assert.Equal(AwsCliFixture.Load("bom").Config, written);
    }

    [Fact]
    public void Placeholders_are_filled_in_and_a_missing_one_is_an_error()
    {
        var fixture = AwsCliFixture.Load("nested");

        Assert.Equal(["CREDENTIAL_PROCESS", "STS_ENDPOINT"], fixture.Placeholders);
        Assert.Throws<InvalidOperationException>(() => fixture.RenderConfig());
        var rendered = Encoding.UTF8.GetString(fixture.With("CREDENTIAL_PROCESS", "/bin/true").With("STS_ENDPOINT", "http://127.0.0.1:1/").RenderConfig()!);
        Assert.Contains("credential_process = /bin/true\n", rendered, StringComparison.Ordinal);
        Assert.DoesNotContain("{{", rendered, StringComparison.Ordinal);
    }

    [Fact]
    public void The_home_names_its_files_and_writes_them_private()
    {
        var home = new AwsConfigHome(_home).Write(AwsCliFixture.Load("basic"));

        Assert.Equal(Path.Combine(_home, ".aws", "config"), home.Environment()["AWS_CONFIG_FILE"]);
        Assert.Equal(Path.Combine(_home, ".aws", "credentials"), home.Environment()["AWS_SHARED_CREDENTIALS_FILE"]);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(home.CredentialsPath));
        }
    }

    [Fact]
    public async Task The_sdk_reads_the_process_fixture_and_runs_the_helper_it_names()
    {
        var served = CredentialIssuers.Unknown("arn:aws:iam::111111111111:role/helper", "p").Issue(DateTimeOffset.UtcNow.AddHours(1));
        var command = CredentialProcessCommand.Printing(_home, served);
        var home = new AwsConfigHome(_home).Write(AwsCliFixture.Load("process").With("CREDENTIAL_PROCESS", command.CommandLine)).WriteCredentials(string.Empty);
        var file = new SharedCredentialsFile(home.CredentialsPath);

        Assert.True(file.TryGetProfile("process", out var profile));
        Assert.True(AWSCredentialsFactory.TryGetAWSCredentials(profile, file, out var credentials));
        var resolved = await credentials.GetCredentialsAsync();

        Assert.Equal(served.AccessKeyId, resolved.AccessKey);
        Assert.Equal("us-east-1", profile.Region.SystemName);
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "action.yml")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("The repository root (with action.yml) is not above the test assembly.");
    }

    [GeneratedRegex(@"aws_access_key_id\s*=(?<id>[^\r\n]*)")]
    private static partial Regex KeyLine();

    [GeneratedRegex(@"aws_secret_access_key\s*=(?<secret>[^\r\n]*)")]
    private static partial Regex SecretLine();
}
