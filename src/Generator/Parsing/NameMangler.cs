using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace Cac.Generator.Parsing;

/// <summary>Turns action.yml names into C# identifiers and runner environment variable names.</summary>
public static class NameMangler
{
    /// <summary>
    /// PascalCase: every run of letters and digits starts a word, the first letter of each word is upper-cased
    /// and the rest kept (so camelCase stays readable). A name without lower-case letters is lower-cased first,
    /// so <c>SSH_PRIVATE_KEY</c> gives <c>SshPrivateKey</c>. Returns an empty string when nothing is left.
    /// </summary>
    public static string ToMemberName(string name)
    {
        var source = IsAllCaps(name) ? name.ToLowerInvariant() : name;
        var builder = new StringBuilder(source.Length);
        var startsWord = true;
        foreach (var c in source)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(startsWord ? char.ToUpperInvariant(c) : c);
                startsWord = false;
            }
            else
            {
                startsWord = true;
            }
        }

        if (builder.Length == 0)
        {
            return string.Empty;
        }

        if (char.IsDigit(builder[0]))
        {
            builder.Insert(0, '_');
        }

        var identifier = builder.ToString();
        return SyntaxFacts.GetKeywordKind(identifier) == SyntaxKind.None ? identifier : "@" + identifier;
    }

    /// <summary>The variable the runner sets: <c>INPUT_</c>, spaces as underscores, upper case (hyphens kept).</summary>
    public static string ToEnvironmentVariable(string name) =>
        "INPUT_" + name.Replace(' ', '_').ToUpperInvariant();

    private static bool IsAllCaps(string name)
    {
        var hasLetter = false;
        foreach (var c in name)
        {
            if (char.IsLower(c))
            {
                return false;
            }

            hasLetter |= char.IsLetter(c);
        }

        return hasLetter;
    }
}
