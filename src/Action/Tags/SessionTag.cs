namespace Cac.Action.Tags;

/// <summary>One STS session tag.</summary>
public sealed record SessionTag(string Key, string Value);
