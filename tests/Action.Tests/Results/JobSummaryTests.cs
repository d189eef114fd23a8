using Cac.Action.Results;

namespace Cac.Action.Tests.Results;

public sealed class JobSummaryTests
{
    [Theory]
    [InlineData("oidc", "`oidc`")]
    [InlineData("a|b", "`a\\|b`")]
    [InlineData("a\\|b", "`a\\\\|b`")]
    [InlineData("line 1\nline 2\r\n", "`line 1 line 2  `")]
    [InlineData("tab\there\u2028sep\u0085nel", "`tab here sep nel`")]
    [InlineData("`start", "`` `start ``")]
    [InlineData("a ``b`` c", "```a ``b`` c```")]
    [InlineData(" spaced ", "`  spaced  `")]
    [InlineData("<script>alert(1)</script>", "`<script>alert(1)</script>`")]
    public void A_value_becomes_one_code_span_that_stays_in_its_cell(string value, string cell) =>
        Assert.Equal(cell, JobSummary.Cell(value));

    [Fact]
    public void Rows_of_values_and_of_the_actions_own_words()
    {
        var text = new JobSummary("Title").Row("Region", "us-east-1").Row("Empty", "").PlainRow("Tags", "none").ToString();

        Assert.Equal("### Title\n\n| | |\n|---|---|\n| Region | `us-east-1` |\n| Empty | - |\n| Tags | none |\n", text);
    }
}
