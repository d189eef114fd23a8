using Cac.Action.Profiles;

namespace Cac.Action.Tests.Profiles;

public sealed class ProfileNameTests
{
    [Theory]
    [InlineData("dev")]
    [InlineData("production")]
    [InlineData("my-profile-123")]
    [InlineData("default")]
    [InlineData("__proto__")]
    [InlineData("team.ci_deploy@prod")]
    public void Ordinary_names_are_accepted(string name)
    {
        Assert.Null(ProfileName.Validate(name));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void An_empty_name_is_refused(string name)
    {
        Assert.Equal("aws-profile must not be empty", ProfileName.Validate(name));
    }

    [Theory]
    [InlineData("my profile")]
    [InlineData("dev\ntest")]
    [InlineData("prod\tenv")]
    [InlineData("dev\u00A0x")]
    [InlineData("dev\uFEFFx")]
    public void Whitespace_is_refused(string name)
    {
        Assert.Equal("aws-profile must not contain whitespace", ProfileName.Validate(name));
    }

    [Theory]
    [InlineData("dev[test]")]
    [InlineData("[profile]")]
    public void Brackets_are_refused(string name)
    {
        Assert.Equal("aws-profile must not contain brackets", ProfileName.Validate(name));
    }

    [Theory]
    [InlineData("dev/test")]
    [InlineData("dev\\test")]
    [InlineData("../etc/passwd")]
    public void Path_separators_are_refused(string name)
    {
        Assert.Equal("aws-profile must not contain path separators", ProfileName.Validate(name));
    }

    [Theory]
    [InlineData("default", "default")]
    [InlineData("dev", "profile dev")]
    [InlineData("Default", "profile Default")]
    public void The_config_section_prefixes_every_name_but_default(string name, string section)
    {
        Assert.Equal(section, ProfileName.ConfigSection(name));
    }
}
