using System;

namespace Cac.Action.Credentials.Ambient;

/// <summary>Why a configured profile cannot produce credentials; the profile provider turns it into the run's error.</summary>
public sealed class ProfileProblem : Exception
{
    public ProfileProblem(string message)
        : base(message)
    {
    }

    public ProfileProblem()
    {
    }

    public ProfileProblem(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
