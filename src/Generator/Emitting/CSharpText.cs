using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Cac.Generator.Emitting;

/// <summary>Escaping for the places YAML text lands in C#: string literals and XML doc comments.</summary>
public static class CSharpText
{
    private static readonly Regex LineBreaks = new("\r\n|[\r\n\u0085\u2028\u2029]", RegexOptions.CultureInvariant);

    /// <summary>A regular (non-verbatim) C# string literal; line breaks and other control characters are escaped.</summary>
    public static string StringLiteral(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\0': builder.Append("\\0"); break;
                default:
                    if (c < ' ' || c is '\u007f' or '\u0085' or '\u2028' or '\u2029')
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    /// <summary>Text safe inside an XML doc element.</summary>
    public static string EscapeXml(string text) =>
        text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    /// <summary>Splits on every line break C# and YAML know, so no text can end a <c>///</c> line early.</summary>
    public static string[] SplitLines(string text) => LineBreaks.Split(text);
}
