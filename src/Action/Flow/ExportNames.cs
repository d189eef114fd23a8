namespace Cac.Action.Flow;

/// <summary>The environment variables the action exports, and the state keys it saves for its post step.</summary>
public static class ExportNames
{
    public const string AccessKeyId = "AWS_ACCESS_KEY_ID";
    public const string SecretAccessKey = "AWS_SECRET_ACCESS_KEY";
    public const string SessionToken = "AWS_SESSION_TOKEN";
    public const string Region = "AWS_REGION";
    public const string DefaultRegion = "AWS_DEFAULT_REGION";
    public const string Profile = "AWS_PROFILE";

    /// <summary>State key listing what the main step exported, so the post step clears exactly those.</summary>
    public const string ExportedState = "exported-variables";
}
