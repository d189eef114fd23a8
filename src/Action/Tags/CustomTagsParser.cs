using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace Cac.Action.Tags;

/// <summary>
/// Parses the <c>custom-tags</c> input (a JSON object) with the upstream action's checks and messages, in
/// its order, except that protected keys are compared without case (STS treats tag keys so).
/// </summary>
public static class CustomTagsParser
{
    private const string Allowed = "Allowed: unicode letters, digits, spaces, and _.:/=+-@";

    /// <summary>Returns the tags in ECMAScript property order, or an error message.</summary>
    public static IReadOnlyList<SessionTag> Parse(string json, out string? error)
    {
        error = null;
        var tags = new List<SessionTag>();
        if (json.Length == 0)
        {
            return tags;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            error = "custom-tags: input is not valid JSON";
            return tags;
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                error = "custom-tags: input must be a JSON object (not an array or primitive)";
                return tags;
            }

            foreach (var (key, value) in OrderedProperties(document.RootElement))
            {
                error = Check(key, value, out var text);
                if (error is not null)
                {
                    return [];
                }

                tags.Add(new SessionTag(key, text));
            }
        }

        return tags;
    }

    private static string? Check(string key, JsonElement value, out string text)
    {
        text = string.Empty;
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                text = StringOf(value);
                break;
            case JsonValueKind.Number:
                text = JavaScriptNumber(value);
                break;
            case JsonValueKind.True:
                text = "true";
                break;
            case JsonValueKind.False:
                text = "false";
                break;
            default:
                return $"custom-tags: value for key '{key}' must be a string, number, or boolean (not an object or array)";
        }

        if (key.Length is 0 or > 128)
        {
            return $"custom-tags: key '{key}' must be between 1 and 128 characters";
        }

        if (text.Length > 256)
        {
            return $"custom-tags: value for key '{key}' exceeds maximum length of 256 characters";
        }

        if (!TagCharacters.AreAllAllowed(key))
        {
            return $"custom-tags: key '{key}' contains invalid characters. {Allowed}";
        }

        if (!TagCharacters.AreAllAllowed(text))
        {
            return $"custom-tags: value for key '{key}' contains invalid characters. {Allowed}";
        }

        if (SessionTagBuilder.IsProtected(key))
        {
            return $"custom-tags: key '{key}' conflicts with a protected session tag set by this action and cannot be overridden";
        }

        return null;
    }

    /// <summary>
    /// JSON.parse keeps the last value of a duplicate key at the first key's position, and object keys that
    /// are array indices come first in ascending order: reproduce both so tags keep upstream's order.
    /// </summary>
    private static List<(string Key, JsonElement Value)> OrderedProperties(JsonElement root)
    {
        var ordered = new List<(string Key, JsonElement Value)>();
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var property in root.EnumerateObject())
        {
            var name = NameOf(property);
            if (positions.TryGetValue(name, out var position))
            {
                ordered[position] = (name, property.Value);
            }
            else
            {
                positions[name] = ordered.Count;
                ordered.Add((name, property.Value));
            }
        }

        var indices = new List<(uint Index, string Key, JsonElement Value)>();
        var others = new List<(string Key, JsonElement Value)>();
        foreach (var (key, value) in ordered)
        {
            if (IsArrayIndex(key, out var index))
            {
                indices.Add((index, key, value));
            }
            else
            {
                others.Add((key, value));
            }
        }

        indices.Sort((a, b) => a.Index.CompareTo(b.Index));
        var result = new List<(string Key, JsonElement Value)>(ordered.Count);
        foreach (var (_, key, value) in indices)
        {
            result.Add((key, value));
        }

        result.AddRange(others);
        return result;
    }

    // JSON.parse accepts escaped lone surrogates ("\ud800"), which System.Text.Json refuses to return as a
    // string; decode those from the raw text so they fail the character check like any invalid character.
    private static string NameOf(JsonProperty property)
    {
        try
        {
            return property.Name;
        }
        catch (InvalidOperationException)
        {
            return DecodeStringLiteral(property.ToString());
        }
    }

    private static string StringOf(JsonElement value)
    {
        try
        {
            return value.GetString() ?? string.Empty;
        }
        catch (InvalidOperationException)
        {
            return DecodeStringLiteral(value.GetRawText());
        }
    }

    /// <summary>Decodes the JSON string literal at the start of <paramref name="raw"/>, keeping lone surrogates.</summary>
    private static string DecodeStringLiteral(string raw)
    {
        var builder = new System.Text.StringBuilder();
        for (var i = raw.IndexOf('"', StringComparison.Ordinal) + 1; i < raw.Length && raw[i] != '"'; i++)
        {
            if (raw[i] != '\\')
            {
                builder.Append(raw[i]);
                continue;
            }

            i++;
            switch (raw[i])
            {
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                case 'u':
                    builder.Append((char)int.Parse(raw.AsSpan(i + 1, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture));
                    i += 4;
                    break;
                default: builder.Append(raw[i]); break;
            }
        }

        return builder.ToString();
    }

    private static bool IsArrayIndex(string key, out uint index)
    {
        index = 0;
        return key.Length > 0
            && (key == "0" || key[0] != '0')
            && uint.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out index)
            && index != uint.MaxValue;
    }

    /// <summary>
    /// ECMAScript Number::toString: the shortest round-trip digits, written as an integer up to 21 digits,
    /// as a decimal down to 1e-6, and in exponent form (<c>1e+21</c>, <c>1e-7</c>) beyond.
    /// </summary>
    private static string JavaScriptNumber(JsonElement value)
    {
        if (!value.TryGetDouble(out var number))
        {
            // Beyond double's range: JSON.parse gives Infinity.
            return value.GetRawText().StartsWith('-') ? "-Infinity" : "Infinity";
        }

        if (number == 0)
        {
            return "0"; // also -0
        }

        var sign = number < 0 ? "-" : string.Empty;
        var shortest = Math.Abs(number).ToString("R", CultureInfo.InvariantCulture);
        var exponentAt = shortest.IndexOf('E', StringComparison.Ordinal);
        var exponent = exponentAt < 0 ? 0 : int.Parse(shortest.AsSpan(exponentAt + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var mantissa = exponentAt < 0 ? shortest : shortest[..exponentAt];
        var point = mantissa.IndexOf('.', StringComparison.Ordinal);
        var integerDigits = point < 0 ? mantissa.Length : point;
        var digits = mantissa.Replace(".", string.Empty, StringComparison.Ordinal);
        var leadingZeros = digits.Length - digits.TrimStart('0').Length;
        digits = digits.Trim('0');

        // The value is 0.<digits> x 10^n, with k significant digits.
        var n = integerDigits - leadingZeros + exponent;
        var k = digits.Length;
        if (k <= n && n <= 21)
        {
            return sign + digits + new string('0', n - k);
        }

        if (0 < n && n <= 21)
        {
            return sign + digits[..n] + "." + digits[n..];
        }

        if (-6 < n && n <= 0)
        {
            return sign + "0." + new string('0', -n) + digits;
        }

        var e = n - 1;
        var power = (e >= 0 ? "+" : "-") + Math.Abs(e).ToString(CultureInfo.InvariantCulture);
        return sign + (k == 1 ? digits : digits[..1] + "." + digits[1..]) + "e" + power;
    }
}
