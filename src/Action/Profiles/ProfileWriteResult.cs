namespace Cac.Action.Profiles;

/// <summary>
/// What <see cref="ProfileWriter.Write"/> wrote: the two files (possibly the same path) and the section
/// names in each. The main step can save it so the post step removes exactly these sections.
/// </summary>
public sealed record ProfileWriteResult(string CredentialsPath, string ConfigPath, string CredentialsSection, string ConfigSection);
