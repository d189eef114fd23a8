using System;
using Cac.Action.Tags;

namespace Cac.Action.Tests.Tags;

public sealed class SessionTagSetTests
{
    [Fact]
    public void Transitive_keys_naming_a_tag_are_kept_in_order_with_duplicates_and_without_case()
    {
        var set = SessionTagSet.Of([new SessionTag("Repository", "r"), new SessionTag("Team", "t")], ["Team", "Missing", "Repository", "Team", "repository", ""]);

        Assert.Equal(new[] { "Team", "Repository", "Team", "repository" }, set.TransitiveKeys);
    }

    [Fact]
    public void With_no_tags_no_transitive_key_is_kept()
    {
        Assert.Empty(SessionTagSet.Of(Array.Empty<SessionTag>(), ["Repository"]).TransitiveKeys);
    }

    [Fact]
    public void Dropping_the_droppable_tags_drops_their_transitive_keys_too()
    {
        var set = SessionTagSet.Of(
            [new SessionTag("GitHub", "Actions"), new SessionTag("Repository", "r"), new SessionTag("RunId", "1"), new SessionTag("Team", "t")],
            ["RunId", "Team"]);

        var smaller = set.WithoutDroppable();

        Assert.Equal(new[] { new SessionTag("GitHub", "Actions"), new SessionTag("Repository", "r"), new SessionTag("Team", "t") }, smaller.Tags);
        Assert.Equal(new[] { "Team" }, smaller.TransitiveKeys);
    }
}
