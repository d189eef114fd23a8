using System;
using System.IO;
using Cac.Abstractions;
using Cac.Action.Post;
using Cac.Action.Profiles;
using Cac.Action.Results;
using Cac.Action.Runner;
using Cac.Action.Tests.TestSupport;
using Cac.TestSupport;

namespace Cac.Action.Tests.Post;

/// <summary>An overwritten profile comes back in the post step: both files byte for byte, the kept sections never in the state.</summary>
public sealed class ReplacedProfileRestoreTests : IDisposable
{
    private const string CredentialsBefore =
        "# managed by hand\n[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n\n" +
        "; the deploy profile\n[deploy]\naws_access_key_id = AKIAI44QH8DHBEXAMPLE   # old key\naws_secret_access_key = je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY\n\n[other]\naws_access_key_id = AKIAOTHER000EXAMPLE\n";

    private const string ConfigBefore = "[default]\nregion = us-east-1\n\n[profile deploy]\nregion = eu-west-1\ns3 =\n  max_concurrent_requests = 4\noutput = json\n\n[profile other]\nregion = ap-south-1\n";

    private readonly TempDir temp = new();
    private readonly RecordingConsole console = new();

    public void Dispose() => temp.Dispose();

    private DictionaryEnvironment Environment(params (string Name, string? Value)[] more)
    {
        var environment = Env.Of(more);
        environment.SetVariable("HOME", temp.Path);
        environment.SetVariable("RUNNER_TEMP", Directory.CreateDirectory(temp.Combine("runner-temp")).FullName);
        return environment;
    }

    private static Secret Plain(string value) => Secret.Create(value, new RecordingMasker());

    private string Overwrite(DictionaryEnvironment environment, string profile)
    {
        using var staged = new ProfileWriter(environment, new ActionLog(console, isDebug: false))
            .Prepare(profile, "us-west-2", Plain("ASIANEWKEY0000EXAMPLE"), Plain("new-secret-EXAMPLE"), Plain("new-token"), overwrite: true);
        staged.Commit();
        return staged.Replaced!.Save(environment.GetVariable("RUNNER_TEMP")!);
    }

    private void RunPost(DictionaryEnvironment environment, string kept)
    {
        environment.SetVariable("STATE_" + ExportNames.ReplacedProfileState, kept);
        new PostStep(environment, new FileCommandWriter(environment), new ActionLog(console, isDebug: false)).Run();
    }

    [Fact]
    public void Both_files_come_back_byte_for_byte_and_the_kept_file_is_private_and_then_gone()
    {
        var credentials = temp.Write(".aws/credentials", CredentialsBefore);
        var config = temp.Write(".aws/config", ConfigBefore);
        var environment = Environment();

        var kept = Overwrite(environment, "deploy");
        Assert.Contains("ASIANEWKEY0000EXAMPLE", File.ReadAllText(credentials), StringComparison.Ordinal);
        Assert.Contains("us-west-2", File.ReadAllText(config), StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(kept));
        }

        RunPost(environment, kept);

        Assert.Equal(CredentialsBefore, File.ReadAllText(credentials));
        Assert.Equal(ConfigBefore, File.ReadAllText(config));
        Assert.False(File.Exists(kept));
        Assert.Contains(console.Lines, line => line == "Restored AWS profile 'deploy' as it was before this action overwrote it.");
    }

    [Fact]
    public void A_section_only_one_file_had_is_restored_there_and_removed_from_the_other()
    {
        var credentials = temp.Write(".aws/credentials", CredentialsBefore);
        var config = temp.Write(".aws/config", "[default]\nregion = us-east-1\n");
        var environment = Environment();

        RunPost(environment, Overwrite(environment, "deploy"));

        Assert.Equal(CredentialsBefore, File.ReadAllText(credentials));
        Assert.Equal("[default]\nregion = us-east-1\n", File.ReadAllText(config));
    }

    [Fact]
    public void A_state_naming_a_file_outside_runner_temp_is_ignored()
    {
        var credentials = temp.Write(".aws/credentials", CredentialsBefore);
        var environment = Environment();
        var kept = Overwrite(environment, "deploy");
        var elsewhere = temp.Combine(Path.GetFileName(kept));
        File.Copy(kept, elsewhere);
        var written = File.ReadAllText(credentials);

        RunPost(environment, elsewhere);

        Assert.Equal(written, File.ReadAllText(credentials));
        Assert.Contains(console.Lines, line => line.StartsWith("::warning::Ignoring '" + elsewhere + "' in the saved state", StringComparison.Ordinal));
    }
}
