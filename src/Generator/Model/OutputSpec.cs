namespace Cac.Generator.Model;

/// <summary>One output, ready to emit.</summary>
/// <param name="Name">The name in action.yml, e.g. <c>aws-account-id</c>.</param>
/// <param name="MemberName">PascalCase name; the setter is <c>Set{MemberName}</c>.</param>
/// <param name="IsSecret">The setter takes a <c>Secret</c> and masks it before writing.</param>
public sealed record OutputSpec(string Name, string MemberName, string Description, bool IsSecret);
