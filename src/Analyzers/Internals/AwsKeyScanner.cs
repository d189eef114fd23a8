using System;
using System.Collections.Generic;

namespace Cac.Analyzers.Internals;

/// <summary>
/// Finds AWS access key IDs in text: a known four-character prefix (<c>AKIA</c>, <c>ASIA</c>, <c>ABIA</c>,
/// <c>ACCA</c>, or <c>A3T</c> and one letter or digit) then 16 upper-case base32 characters (<c>A-Z</c>,
/// <c>2-7</c>), with no letter or digit on either side. Documentation keys (ending in <c>EXAMPLE</c>) and
/// placeholders with little variety (<c>AKIA</c> and sixteen <c>X</c>, Shannon entropy under 3 bits per character,
/// the threshold secret scanners use) are not keys. A hand-written scan instead of a regular expression:
/// it runs on every string literal of a build and needs no timeout.
/// </summary>
internal static class AwsKeyScanner
{
    private const int KeyLength = 20;
    private const int PrefixLength = 4;
    private const double MinimumEntropy = 3.0;

    /// <summary>The first access key ID in <paramref name="text"/>, or <c>null</c>.</summary>
    public static string? Find(string text)
    {
        if (text is null || text.Length < KeyLength)
        {
            return null;
        }

        for (var start = text.IndexOf('A'); start >= 0 && start <= text.Length - KeyLength; start = text.IndexOf('A', start + 1))
        {
            if (IsKeyAt(text, start))
            {
                return text.Substring(start, KeyLength);
            }
        }

        return null;
    }

    private static bool IsKeyAt(string text, int start)
    {
        if ((start > 0 && IsAsciiLetterOrDigit(text[start - 1])) || !HasKnownPrefix(text, start))
        {
            return false;
        }

        for (var i = start + PrefixLength; i < start + KeyLength; i++)
        {
            if (!IsBase32(text[i]))
            {
                return false;
            }
        }

        var end = start + KeyLength;
        if (end < text.Length && IsAsciiLetterOrDigit(text[end]))
        {
            return false;
        }

        return !EndsWithExample(text, end) && Entropy(text, start) >= MinimumEntropy;
    }

    private static bool HasKnownPrefix(string text, int start) =>
        string.CompareOrdinal(text, start, "AKIA", 0, PrefixLength) == 0 ||
        string.CompareOrdinal(text, start, "ASIA", 0, PrefixLength) == 0 ||
        string.CompareOrdinal(text, start, "ABIA", 0, PrefixLength) == 0 ||
        string.CompareOrdinal(text, start, "ACCA", 0, PrefixLength) == 0 ||
        (string.CompareOrdinal(text, start, "A3T", 0, 3) == 0 && IsUpperOrDigit(text[start + 3]));

    private static bool EndsWithExample(string text, int end) =>
        string.CompareOrdinal(text, end - "EXAMPLE".Length, "EXAMPLE", 0, "EXAMPLE".Length) == 0;

    private static double Entropy(string text, int start)
    {
        var counts = new Dictionary<char, int>();
        for (var i = start; i < start + KeyLength; i++)
        {
            counts.TryGetValue(text[i], out var count);
            counts[text[i]] = count + 1;
        }

        var entropy = 0.0;
        foreach (var count in counts.Values)
        {
            var p = (double)count / KeyLength;
            entropy -= p * Math.Log(p, 2);
        }

        return entropy;
    }

    private static bool IsBase32(char c) => c is (>= 'A' and <= 'Z') or (>= '2' and <= '7');

    private static bool IsUpperOrDigit(char c) => c is (>= 'A' and <= 'Z') or (>= '0' and <= '9');

    private static bool IsAsciiLetterOrDigit(char c) => c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9');
}
