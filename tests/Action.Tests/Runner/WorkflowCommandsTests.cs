using System.Collections.Generic;
using Cac.Action.Runner;

namespace Cac.Action.Tests.Runner;

public sealed class WorkflowCommandsTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("100%", "100%25")]
    [InlineData("a\rb", "a%0Db")]
    [InlineData("a\nb", "a%0Ab")]
    [InlineData("a\r\nb", "a%0D%0Ab")]
    [InlineData("%0A", "%250A")]
    [InlineData("a:b,c", "a:b,c")]
    [InlineData("", "")]
    public void EscapeData_escapes_percent_cr_and_lf_only(string raw, string escaped) =>
        Assert.Equal(escaped, WorkflowCommands.EscapeData(raw));

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("100%", "100%25")]
    [InlineData("a\rb", "a%0Db")]
    [InlineData("a\nb", "a%0Ab")]
    [InlineData("a:b", "a%3Ab")]
    [InlineData("a,b", "a%2Cb")]
    [InlineData("%3A", "%253A")]
    [InlineData("x:%,\r\n", "x%3A%25%2C%0D%0A")]
    public void EscapeProperty_also_escapes_colon_and_comma(string raw, string escaped) =>
        Assert.Equal(escaped, WorkflowCommands.EscapeProperty(raw));

    [Fact]
    public void Format_without_properties_is_name_and_data() =>
        Assert.Equal("::warning::line1%0Aline2", WorkflowCommands.Format("warning", "line1\nline2"));

    [Fact]
    public void Format_joins_properties_with_commas_and_escapes_their_values()
    {
        var properties = new[]
        {
            new KeyValuePair<string, string?>("title", "a:b"),
            new KeyValuePair<string, string?>("file", "x,y.cs"),
        };

        Assert.Equal("::error title=a%3Ab,file=x%2Cy.cs::boom", WorkflowCommands.Format("error", properties, "boom"));
    }

    [Fact]
    public void Format_skips_properties_with_empty_or_null_values()
    {
        var properties = new[]
        {
            new KeyValuePair<string, string?>("title", ""),
            new KeyValuePair<string, string?>("file", null),
            new KeyValuePair<string, string?>("line", "3"),
        };

        Assert.Equal("::notice line=3::hi", WorkflowCommands.Format("notice", properties, "hi"));
    }

    [Fact]
    public void Format_with_only_empty_properties_has_no_space_after_the_name()
    {
        var properties = new[] { new KeyValuePair<string, string?>("title", "") };

        Assert.Equal("::notice::hi", WorkflowCommands.Format("notice", properties, "hi"));
    }

    [Fact]
    public void Format_with_empty_name_uses_missing_command() =>
        Assert.Equal("::missing.command::x", WorkflowCommands.Format("", "x"));
}
