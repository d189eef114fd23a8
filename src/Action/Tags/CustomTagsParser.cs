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
                text = value.GetString() ?? string.Empty;
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
            if (positions.TryGetValue(property.Name, out var position))
            {
                ordered[position] = (property.Name, property.Value);
            }
            else
            {
                positions[property.Name] = ordered.Count;
                ordered.Add((property.Name, property.Value));
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

    private static bool IsArrayIndex(string key, out uint index)
    {
        index = 0;
        return key.Length > 0
            && (key == "0" || key[0] != '0')
            && uint.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out index)
            && index != uint.MaxValue;
    }

    /// <summary>ECMAScript Number-to-String for the values people put in tags (integers, decimals, exponents).</summary>
    private static string JavaScriptNumber(JsonElement value)
    {
        var number = value.GetDouble();
        if (number == Math.Floor(number) && Math.Abs(number) < 1e21)
        {
            return number.ToString("0", CultureInfo.InvariantCulture);
        }

        var text = number.ToString("R", CultureInfo.InvariantCulture);
        // .NET writes 1E+21 / 1E-07; JavaScript writes 1e+21 / 1e-7.
        var exponent = text.IndexOf('E', StringComparison.Ordinal);
        if (exponent < 0)
        {
            return text;
        }

        var mantissa = text.Substring(0, exponent);
        var power = int.Parse(text.Substring(exponent + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        return mantissa + "e" + (power >= 0 ? "+" : "-") + Math.Abs(power).ToString(CultureInfo.InvariantCulture);
    }
}
