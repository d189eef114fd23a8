using Cac.Action.Tags;

namespace Cac.Action.Tests.Tags;

public class TagCharactersTests
{
    [Theory]
    [InlineData("MY-USERNAME[bot]", "MY-USERNAME_bot_")]
    [InlineData("actor[bot]", "actor_bot_")]
    [InlineData("feature/has spaces&bad?chars", "feature/has spaces_bad_chars")]
    [InlineData("sdf234@#$%$^&*()_+{}|:\"<>?", "sdf234@__________+___:____")]
    [InlineData("refs/pull/42/merge", "refs/pull/42/merge")]
    [InlineData("a_b.c:d/e=f+g-h@i", "a_b.c:d/e=f+g-h@i")]
    [InlineData("tab\there", "tab_here")]
    [InlineData("line\nbreak", "line_break")]
    [InlineData("Zürich Ωμέγα 東京 ٣", "Zürich Ωμέγα 東京 ٣")]
    [InlineData("", "")]
    public void Sanitize_replaces_each_disallowed_character_with_an_underscore(string value, string expected)
    {
        Assert.Equal(expected, TagCharacters.Sanitize(value));
    }

    [Fact]
    public void Sanitize_keeps_the_first_256_characters()
    {
        var sanitized = TagCharacters.Sanitize(new string('a', 300));

        Assert.Equal(new string('a', 256), sanitized);
    }

    [Fact]
    public void Sanitize_truncates_after_replacing()
    {
        var sanitized = TagCharacters.Sanitize(new string('#', 300));

        Assert.Equal(new string('_', 256), sanitized);
    }

    [Theory]
    [InlineData("\U0001F600", "_")] // emoji (So): one code point, one underscore
    [InlineData("a\U0001F600b", "a_b")]
    [InlineData("\U0001D400", "\U0001D400")] // MATHEMATICAL BOLD CAPITAL A is a letter: kept whole
    public void Sanitize_works_per_code_point(string value, string expected)
    {
        Assert.Equal(expected, TagCharacters.Sanitize(value));
    }

    [Theory]
    [InlineData("Environment", true)]
    [InlineData("with space", true)]
    [InlineData("_.:/=+-@", true)]
    [InlineData("東京", true)]
    [InlineData("\U0001D400", true)]
    [InlineData("", true)]
    [InlineData("invalid{key}", false)]
    [InlineData("a\U0001F600", false)]
    [InlineData("tab\t", false)]
    [InlineData("comma,", false)]
    public void AreAllAllowed_checks_every_code_point(string text, bool expected)
    {
        Assert.Equal(expected, TagCharacters.AreAllAllowed(text));
    }
}
