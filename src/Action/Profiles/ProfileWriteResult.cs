namespace Cac.Action.Profiles;

/// <summary>
/// What <see cref="ProfileWriter.Write"/> wrote: the two files (possibly the same path), the section names
/// in each, and whether a section of that name was there before (the post step must not remove a profile
/// the user had, only one this action created).
/// </summary>
public sealed record ProfileWriteResult(
    string CredentialsPath, string ConfigPath, string CredentialsSection, string ConfigSection, bool ReplacedExisting = false);
