namespace Cac.Emulators;

/// <summary>A session tag as sent in <c>Tags.member.N.Key/Value</c>; a part the client left out is null.</summary>
public sealed record StsTag(string? Key, string? Value);
