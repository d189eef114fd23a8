using System;
using System.Collections.Generic;
using System.Linq;

namespace Cac.Action.Tags;

/// <summary>
/// The session tags one AssumeRole sends, and which of them are transitive: only keys that name a tag
/// actually sent are kept, since STS rejects the others. <see cref="None"/> when the call sends no tags.
/// </summary>
public sealed record SessionTagSet
{
    private SessionTagSet(IReadOnlyList<SessionTag> tags, IReadOnlyList<string> transitiveKeys)
    {
        Tags = tags;
        TransitiveKeys = transitiveKeys;
    }

    /// <summary>No tags (web identity calls, or <c>role-skip-session-tagging</c>).</summary>
    public static SessionTagSet None { get; } = new([], []);

    public IReadOnlyList<SessionTag> Tags { get; }

    public IReadOnlyList<string> TransitiveKeys { get; }

    /// <summary><paramref name="tags"/>, with the <paramref name="transitiveKeys"/> that name one of them (compared without case, in their order).</summary>
    public static SessionTagSet Of(IReadOnlyList<SessionTag> tags, IReadOnlyList<string> transitiveKeys) =>
        new(tags, transitiveKeys.Where(key => tags.Any(tag => string.Equals(tag.Key, key, StringComparison.OrdinalIgnoreCase))).ToList());

    /// <summary>
    /// The set to send after STS found the packed tags too large: the droppable tags removed, and the
    /// transitive keys that named them removed with them.
    /// </summary>
    public SessionTagSet WithoutDroppable() =>
        Of(Tags.Where(tag => !SessionTagBuilder.IsDroppable(tag.Key)).ToList(), TransitiveKeys);
}
