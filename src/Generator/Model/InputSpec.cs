namespace Cac.Generator.Model;

/// <summary>One input, ready to emit.</summary>
/// <param name="Name">The name in action.yml, e.g. <c>aws-region</c>.</param>
/// <param name="EnvironmentVariable">Where the runner puts the value, e.g. <c>INPUT_AWS-REGION</c>.</param>
/// <param name="FallbackVariable">The variable read when that one is empty (action-fallbacks.yml), or <c>null</c>.</param>
/// <param name="MemberName">The C# property name, e.g. <c>AwsRegion</c>.</param>
/// <param name="Default">The default as written, for the docs; <c>null</c> when there is none.</param>
/// <param name="LoadDefault">
/// The default that <c>Load</c> applies: <c>null</c> when there is none, when it is empty, or when it is a
/// <c>${{ }}</c> expression that only the runner can evaluate.
/// </param>
/// <param name="EnumMembers">For enums and enum lists: the allowed values and their C# member names.</param>
public sealed record InputSpec(
    string Name,
    string EnvironmentVariable,
    string? FallbackVariable,
    string MemberName,
    string Description,
    bool Required,
    string? Default,
    string? LoadDefault,
    string? DeprecationMessage,
    InputType Type,
    bool IsSecret,
    EquatableArray<EnumMember> EnumMembers)
{
    /// <summary>Name of the nested enum type for enum inputs.</summary>
    public string EnumTypeName => MemberName.TrimStart('@') + "Value";

    /// <summary><c>Load</c> reports a missing value only when there is no default to fall back on.</summary>
    public bool FailsWhenMissing => Required && LoadDefault is null;
}

/// <summary>An allowed value of an enum input and the C# member that stands for it.</summary>
public sealed record EnumMember(string Value, string MemberName);
