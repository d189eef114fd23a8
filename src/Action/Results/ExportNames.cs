namespace Cac.Action.Results;

/// <summary>The environment variables the action exports, and the state keys it saves for its post step.</summary>
public static class ExportNames
{
    public const string AccessKeyId = "AWS_ACCESS_KEY_ID";
    public const string SecretAccessKey = "AWS_SECRET_ACCESS_KEY";
    public const string SessionToken = "AWS_SESSION_TOKEN";
    public const string Region = "AWS_REGION";
    public const string DefaultRegion = "AWS_DEFAULT_REGION";
    public const string Profile = "AWS_PROFILE";

    /// <summary>Every variable the main step can export, in upstream's order.</summary>
    public static readonly System.Collections.Generic.IReadOnlyList<string> All =
        [DefaultRegion, Region, AccessKeyId, SecretAccessKey, SessionToken, Profile];

    /// <summary>Whether the main step can export <paramref name="name"/> (compared exactly: the runner's names are case-sensitive on Linux).</summary>
    public static bool IsExported(string name) => name is DefaultRegion or Region or AccessKeyId or SecretAccessKey or SessionToken or Profile;

    /// <summary>State key listing what the main step exported, so the post step restores exactly those.</summary>
    public const string ExportedState = "exported-variables";

    /// <summary>State key naming the profile the main step created, for the post step to remove.</summary>
    public const string CreatedProfileState = "created-profile";

    /// <summary>State key naming the file (under RUNNER_TEMP) that keeps the profile sections an overwrite replaced.</summary>
    public const string ReplacedProfileState = "replaced-profile-file";

    /// <summary>State key holding a variable's value from before the main step (absent when it had none).</summary>
    public static string PreviousValueState(string name) => "previous-" + name;

    /// <summary>Whether a variable holds a credential, so a restored value is masked before it is exported again.</summary>
    public static bool IsSecret(string name) => name is AccessKeyId or SecretAccessKey or SessionToken;
}
