namespace Cac.Action.Credentials.Ambient;

/// <summary>What one provider (or the whole chain) made of the job's surroundings: credentials, or why not.</summary>
public sealed record AmbientResult(AmbientCredentials? Credentials, string Reason)
{
    public static AmbientResult Found(AmbientCredentials credentials) => new(credentials, string.Empty);

    public static AmbientResult Declined(string reason) => new(null, reason);
}
