using Cac.Action.Profiles;
using Cac.Action.Tests.TestSupport;

namespace Cac.Action.Tests.Profiles;

public sealed class ProfilePathsTests
{
    [Fact]
    public void Without_variables_both_files_are_under_home()
    {
        var paths = ProfilePaths.Resolve(Env.Of(("HOME", "/home/runner")));

        Assert.Equal("/home/runner/.aws/credentials", paths.CredentialsPath);
        Assert.Equal("/home/runner/.aws/config", paths.ConfigPath);
    }

    [Fact]
    public void The_variables_name_the_files()
    {
        var paths = ProfilePaths.Resolve(Env.Of(
            ("HOME", "/home/runner"),
            ("AWS_SHARED_CREDENTIALS_FILE", "/custom/path/credentials"),
            ("AWS_CONFIG_FILE", "/custom/path/config")));

        Assert.Equal("/custom/path/credentials", paths.CredentialsPath);
        Assert.Equal("/custom/path/config", paths.ConfigPath);
    }

    [Fact]
    public void Each_file_is_resolved_on_its_own()
    {
        var paths = ProfilePaths.Resolve(Env.Of(("HOME", "/home/runner"), ("AWS_SHARED_CREDENTIALS_FILE", "/custom/credentials")));

        Assert.Equal("/custom/credentials", paths.CredentialsPath);
        Assert.Equal("/home/runner/.aws/config", paths.ConfigPath);
    }

    [Fact]
    public void An_empty_variable_counts_as_unset()
    {
        var paths = ProfilePaths.Resolve(Env.Of(("HOME", "/home/runner"), ("AWS_CONFIG_FILE", string.Empty)));

        Assert.Equal("/home/runner/.aws/config", paths.ConfigPath);
    }

    [Fact]
    public void A_leading_tilde_is_home_as_for_the_AWS_CLI()
    {
        var paths = ProfilePaths.Resolve(Env.Of(("HOME", "/home/runner"), ("AWS_CONFIG_FILE", "~/ci/config")));

        Assert.Equal("/home/runner/ci/config", paths.ConfigPath);
    }

    [Fact]
    public void Paths_are_made_absolute_so_one_file_has_one_spelling()
    {
        var paths = ProfilePaths.Resolve(Env.Of(("HOME", "/home/runner/"), ("AWS_SHARED_CREDENTIALS_FILE", "/home/runner/x/../.aws/config")));

        Assert.Equal("/home/runner/.aws/config", paths.CredentialsPath);
        Assert.Equal(paths.CredentialsPath, paths.ConfigPath);
    }
}
