using Cac.Action.Runner;

namespace Cac.Action.Tests.Runner;

public sealed class SecretRedactorTests
{
    [Fact]
    public void Without_secrets_the_text_is_returned_as_is()
    {
        var redactor = new SecretRedactor();
        const string text = "nothing to hide";

        Assert.Same(text, redactor.Redact(text));
    }

    [Fact]
    public void A_line_without_any_secret_is_returned_as_is()
    {
        var redactor = new SecretRedactor();
        redactor.Add("hunter2");
        const string text = "nothing to hide";

        Assert.Same(text, redactor.Redact(text));
    }

    [Theory]
    [InlineData("hunter2", "***")]
    [InlineData("pw=hunter2", "pw=***")]
    [InlineData("hunter2 is the pw", "*** is the pw")]
    [InlineData("a hunter2 b hunter2 c", "a *** b *** c")]
    [InlineData("hunter2hunter2", "***")]
    [InlineData("hunter", "hunter")]
    public void Every_occurrence_is_replaced(string text, string expected)
    {
        var redactor = new SecretRedactor();
        redactor.Add("hunter2");

        Assert.Equal(expected, redactor.Redact(text));
    }

    [Fact]
    public void The_longest_secret_at_a_position_wins()
    {
        var redactor = new SecretRedactor();
        redactor.Add("token");
        redactor.Add("token-and-more");

        Assert.Equal("x *** y ***", redactor.Redact("x token-and-more y token"));
    }

    [Fact]
    public void Overlapping_secrets_are_replaced_as_one_range()
    {
        var redactor = new SecretRedactor();
        redactor.Add("abc");
        redactor.Add("cde");

        Assert.Equal("x***y", redactor.Redact("xabcdey"));
    }

    [Fact]
    public void Several_different_secrets_are_all_replaced()
    {
        var redactor = new SecretRedactor();
        redactor.Add("first-secret");
        redactor.Add("second-secret");

        Assert.Equal("*** and ***", redactor.Redact("second-secret and first-secret"));
    }

    [Fact]
    public void Add_reports_whether_the_secret_is_new()
    {
        var redactor = new SecretRedactor();

        Assert.True(redactor.Add("s1"));
        Assert.False(redactor.Add("s1"));
        Assert.False(redactor.Add(""));
        Assert.Equal(1, redactor.Count);
    }
}
