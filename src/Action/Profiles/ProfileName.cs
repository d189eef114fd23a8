namespace Cac.Action.Profiles;

/// <summary>
/// Checks an <c>aws-profile</c> name with upstream's rules and messages. The name becomes a section header
/// (<c>[name]</c>, <c>[profile name]</c>), so whitespace and brackets would change what the header means;
/// path separators are refused because upstream refuses them and users may rely on that.
/// </summary>
public static class ProfileName
{
    /// <summary>Returns the reason <paramref name="name"/> is not accepted, or <c>null</c> when it is.</summary>
    public static string? Validate(string name)
    {
        System.ArgumentNullException.ThrowIfNull(name);
        if (name.Trim().Length == 0)
        {
            return "aws-profile must not be empty";
        }

        foreach (var c in name)
        {
            if (IsWhiteSpace(c))
            {
                return "aws-profile must not contain whitespace";
            }
        }

        if (name.Contains('[', System.StringComparison.Ordinal) || name.Contains(']', System.StringComparison.Ordinal))
        {
            return "aws-profile must not contain brackets";
        }

        if (name.Contains('/', System.StringComparison.Ordinal) || name.Contains('\\', System.StringComparison.Ordinal))
        {
            return "aws-profile must not contain path separators";
        }

        return null;
    }

    /// <summary>The config-file section of a profile: <c>default</c> stays itself, others get the <c>profile </c> prefix.</summary>
    public static string ConfigSection(string name) => name == "default" ? "default" : "profile " + name;

    // JavaScript's \s is .NET's white space plus U+FEFF; .NET's adds U+0085. Refusing the union keeps every
    // name upstream refuses refused, and a NEL in a header is no more sensible.
    private static bool IsWhiteSpace(char c) => char.IsWhiteSpace(c) || c == '\uFEFF';
}
