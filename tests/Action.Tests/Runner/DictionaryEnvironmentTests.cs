using System.Collections.Generic;
using Cac.TestSupport;

namespace Cac.Action.Tests.Runner;

public sealed class DictionaryEnvironmentTests
{
    private static readonly DictionaryEnvironment Base = new(
    [
        new KeyValuePair<string, string?>("AWS_REGION", "eu-west-1"),
        new KeyValuePair<string, string?>("HTTP_PROXY", "http://proxy.invalid:3128"),
    ]);

    [Fact]
    public void Returns_set_values_and_null_for_others()
    {
        Assert.Equal("eu-west-1", Base.GetVariable("AWS_REGION"));
        Assert.Null(Base.GetVariable("NOPE"));
    }

    [Fact]
    public void Names_are_case_sensitive() => Assert.Null(Base.GetVariable("aws_region"));

    [Fact]
    public void An_overlay_wins_and_falls_back_for_other_names()
    {
        var overlay = new DictionaryEnvironment([new KeyValuePair<string, string?>("AWS_REGION", "us-east-2")], Base);

        Assert.Equal("us-east-2", overlay.GetVariable("AWS_REGION"));
        Assert.Equal("http://proxy.invalid:3128", overlay.GetVariable("HTTP_PROXY"));
    }

    [Fact]
    public void Setting_null_in_an_overlay_hides_the_fallback_value()
    {
        var overlay = new DictionaryEnvironment(null, Base);

        overlay.SetVariable("HTTP_PROXY", null);

        Assert.Null(overlay.GetVariable("HTTP_PROXY"));
        Assert.Equal("http://proxy.invalid:3128", Base.GetVariable("HTTP_PROXY"));
    }

    [Fact]
    public void SetVariable_adds_and_replaces()
    {
        var environment = new DictionaryEnvironment();

        environment.SetVariable("A", "1");
        environment.SetVariable("A", "2");

        Assert.Equal("2", environment.GetVariable("A"));
    }
}
