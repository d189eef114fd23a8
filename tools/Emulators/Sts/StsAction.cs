namespace Cac.Emulators;

/// <summary>The STS actions the emulator implements.</summary>
public enum StsAction
{
    AssumeRole,
    AssumeRoleWithWebIdentity,
    GetCallerIdentity,
}
