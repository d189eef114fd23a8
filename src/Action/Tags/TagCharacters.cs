using System.Globalization;
using System.Text;

namespace Cac.Action.Tags;

/// <summary>
/// The character set STS allows in tag keys and values: Unicode letters, separators (spaces) and numbers,
/// plus <c>_ . : / = + - @</c>. Checked per code point (a surrogate pair is one character), as STS does.
/// </summary>
public static class TagCharacters
{
    public static bool IsAllowed(Rune rune)
    {
        switch (Rune.GetUnicodeCategory(rune))
        {
            case UnicodeCategory.UppercaseLetter:
            case UnicodeCategory.LowercaseLetter:
            case UnicodeCategory.TitlecaseLetter:
            case UnicodeCategory.ModifierLetter:
            case UnicodeCategory.OtherLetter:
            case UnicodeCategory.SpaceSeparator:
            case UnicodeCategory.LineSeparator:
            case UnicodeCategory.ParagraphSeparator:
            case UnicodeCategory.DecimalDigitNumber:
            case UnicodeCategory.LetterNumber:
            case UnicodeCategory.OtherNumber:
                return true;
            default:
                return rune.Value is '_' or '.' or ':' or '/' or '=' or '+' or '-' or '@';
        }
    }

    public static bool AreAllAllowed(string text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            if (!IsAllowed(rune))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Replaces every disallowed code point with <c>_</c> and keeps the first 256 UTF-16 units, which is how
    /// values taken from GITHUB_* variables (an actor like <c>bot[bot]</c>) become valid tag values.
    /// </summary>
    public static string Sanitize(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var rune in value.EnumerateRunes())
        {
            if (IsAllowed(rune))
            {
                builder.Append(rune.ToString());
            }
            else
            {
                builder.Append('_');
            }
        }

        return builder.Length > 256 ? builder.ToString(0, 256) : builder.ToString();
    }
}
