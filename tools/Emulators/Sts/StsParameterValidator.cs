using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Cac.Emulators.Sts;

/// <summary>
/// STS's request validation: the model constraints (reported together, in the "N validation errors detected"
/// style) and then the semantic checks that have their own error codes.
/// </summary>
internal static partial class StsParameterValidator
{
    public const int DefaultDurationSeconds = 3600;

    private const string SessionNamePattern = @"[\w+=,.@-]*";
    private const string ExternalIdPattern = @"[\w+=,.@:\/-]*";
    private const string TagKeyPattern = @"[\p{L}\p{Z}\p{N}_.:/=+\-@]+";
    private const string TagValuePattern = @"[\p{L}\p{Z}\p{N}_.:/=+\-@]*";
    private const string SerialNumberPattern = @"[\w+=/:,.@-]*";
    private const string TokenCodePattern = @"[\d]*";
    private const string Redacted = "*** Sensitive Data Redacted ***";

    public static void ValidateAssumeRole(IReadOnlyDictionary<string, string> parameters)
    {
        var errors = new List<string>();
        CheckCommon(parameters, errors);
        CheckTags(parameters, errors);
        CheckLength(errors, "externalId", parameters.GetValueOrDefault("ExternalId"), 2, 1224, ExternalIdPattern, ExternalIdRegex());
        CheckLength(errors, "sourceIdentity", parameters.GetValueOrDefault("SourceIdentity"), 2, 64, SessionNamePattern, SessionNameRegex());
        CheckLength(errors, "serialNumber", parameters.GetValueOrDefault("SerialNumber"), 9, 256, SerialNumberPattern, SerialNumberRegex());
        CheckLength(errors, "tokenCode", parameters.GetValueOrDefault("TokenCode"), 6, 6, TokenCodePattern, TokenCodeRegex());
        ThrowIfAny(errors);
        CheckTagSemantics(parameters);
        CheckPolicyDocument(parameters);
    }

    public static void ValidateAssumeRoleWithWebIdentity(IReadOnlyDictionary<string, string> parameters)
    {
        var errors = new List<string>();
        CheckCommon(parameters, errors);
        var token = parameters.GetValueOrDefault("WebIdentityToken");
        if (token is null)
        {
            errors.Add(NotNull("webIdentityToken"));
        }
        else if (token.Length is < 4 or > 20000)
        {
            errors.Add(LengthError("webIdentityToken", Redacted, token.Length < 4 ? 4 : 20000, token.Length < 4));
        }

        CheckLength(errors, "providerId", parameters.GetValueOrDefault("ProviderId"), 4, 2048);
        ThrowIfAny(errors);
        CheckPolicyDocument(parameters);
    }

    /// <summary>DurationSeconds after validation, or STS's default of one hour.</summary>
    public static int DurationSeconds(IReadOnlyDictionary<string, string> parameters) =>
        parameters.TryGetValue("DurationSeconds", out var text) ? int.Parse(text, CultureInfo.InvariantCulture) : DefaultDurationSeconds;

    /// <summary>
    /// The packed size of session tags and inline policy as a percentage of <paramref name="budget"/>, or null
    /// when neither was sent (STS then leaves PackedPolicySize out). Throws PackedPolicyTooLarge above 100%.
    /// </summary>
    public static int? PackedPolicyPercent(IReadOnlyDictionary<string, string> parameters, int budget)
    {
        var tags = QueryListParameters.Tags(parameters);
        var policy = parameters.GetValueOrDefault("Policy");
        if (tags.Count == 0 && policy is null)
        {
            return null;
        }

        var size = tags.Sum(tag => (tag.Key?.Length ?? 0) + (tag.Value?.Length ?? 0)) + (policy?.Length ?? 0);
        var percent = (int)Math.Ceiling(size * 100.0 / budget);
        if (percent > 100)
        {
            throw StsErrors.PackedPolicyTooLarge(tags.Count > 0
                ? $"Packed size of session tags consumes {percent}% of allotted space"
                : $"Packed policy consumes {percent}% of allotted space, please use smaller policy.");
        }

        return percent;
    }

    private static void CheckCommon(IReadOnlyDictionary<string, string> parameters, List<string> errors)
    {
        CheckRequired(errors, "roleArn", parameters.GetValueOrDefault("RoleArn"), 20, 2048);
        CheckRequired(errors, "roleSessionName", parameters.GetValueOrDefault("RoleSessionName"), 2, 64, SessionNamePattern, SessionNameRegex());
        CheckLength(errors, "policy", parameters.GetValueOrDefault("Policy"), 1, 2048);

        if (parameters.TryGetValue("DurationSeconds", out var durationText))
        {
            if (!int.TryParse(durationText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var duration))
            {
                errors.Add($"Value '{durationText}' at 'durationSeconds' failed to satisfy constraint: Member must be a number");
            }
            else if (duration < 900)
            {
                errors.Add($"Value '{duration}' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900");
            }
            else if (duration > 43200)
            {
                errors.Add($"Value '{duration}' at 'durationSeconds' failed to satisfy constraint: Member must have value less than or equal to 43200");
            }
        }

        var policyArns = QueryListParameters.PolicyArns(parameters);
        if (policyArns.Count > 10)
        {
            errors.Add(LengthError("policyArns", ListText(policyArns), 10, tooShort: false));
        }

        for (var i = 0; i < policyArns.Count; i++)
        {
            CheckLength(errors, $"policyArns.{i + 1}.member.arn", policyArns[i], 20, 2048);
        }
    }

    private static void CheckTags(IReadOnlyDictionary<string, string> parameters, List<string> errors)
    {
        var tags = QueryListParameters.Tags(parameters);
        if (tags.Count > 50)
        {
            errors.Add(LengthError("tags", ListText(tags.Select(tag => $"{tag.Key}={tag.Value}")), 50, tooShort: false));
        }

        for (var i = 0; i < tags.Count; i++)
        {
            CheckRequired(errors, $"tags.{i + 1}.member.key", tags[i].Key, 1, 128, TagKeyPattern, TagKeyRegex());
            CheckRequired(errors, $"tags.{i + 1}.member.value", tags[i].Value, 0, 256, TagValuePattern, TagValueRegex());
        }

        var transitive = QueryListParameters.Strings(parameters, "TransitiveTagKeys");
        if (transitive.Count > 50)
        {
            errors.Add(LengthError("transitiveTagKeys", ListText(transitive), 50, tooShort: false));
        }

        for (var i = 0; i < transitive.Count; i++)
        {
            CheckLength(errors, $"transitiveTagKeys.{i + 1}.member", transitive[i], 1, 128, TagKeyPattern, TagKeyRegex());
        }
    }

    private static void CheckTagSemantics(IReadOnlyDictionary<string, string> parameters)
    {
        var tagKeys = QueryListParameters.Tags(parameters).Select(tag => tag.Key!).ToArray();
        if (tagKeys.Distinct(StringComparer.OrdinalIgnoreCase).Count() != tagKeys.Length)
        {
            throw StsErrors.InvalidParameterValue("Duplicate tag keys found. Please note that Tag keys are case insensitive.");
        }

        var missing = QueryListParameters.Strings(parameters, "TransitiveTagKeys")
            .Where(key => !tagKeys.Contains(key, StringComparer.OrdinalIgnoreCase))
            .ToArray();
        if (missing.Length > 0)
        {
            throw StsErrors.InvalidParameterValue($"The specified transitive tag key must be included in the requested tags. Missing: {ListText(missing)}");
        }
    }

    private static void CheckPolicyDocument(IReadOnlyDictionary<string, string> parameters)
    {
        if (parameters.GetValueOrDefault("Policy") is not { } policy)
        {
            return;
        }

        try
        {
            using var document = JsonDocument.Parse(policy);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return;
            }
        }
        catch (JsonException)
        {
        }

        throw StsErrors.MalformedPolicyDocument("Syntax errors in policy.");
    }

    private static void CheckRequired(List<string> errors, string member, string? value, int min, int max, string? patternText = null, Regex? pattern = null)
    {
        if (value is null)
        {
            errors.Add(NotNull(member));
            return;
        }

        CheckLength(errors, member, value, min, max, patternText, pattern);
    }

    private static void CheckLength(List<string> errors, string member, string? value, int min, int max, string? patternText = null, Regex? pattern = null)
    {
        if (value is null)
        {
            return;
        }

        if (value.Length < min)
        {
            errors.Add(LengthError(member, value, min, tooShort: true));
        }
        else if (value.Length > max)
        {
            errors.Add(LengthError(member, value, max, tooShort: false));
        }

        if (pattern is not null && !pattern.IsMatch(value))
        {
            errors.Add($"Value '{value}' at '{member}' failed to satisfy constraint: Member must satisfy regular expression pattern: {patternText}");
        }
    }

    private static string NotNull(string member) => $"Value null at '{member}' failed to satisfy constraint: Member must not be null";

    private static string LengthError(string member, string value, int bound, bool tooShort) =>
        $"Value '{value}' at '{member}' failed to satisfy constraint: Member must have length {(tooShort ? "greater" : "less")} than or equal to {bound}";

    private static string ListText(IEnumerable<string> values) => "[" + string.Join(", ", values) + "]";

    private static void ThrowIfAny(List<string> errors)
    {
        if (errors.Count > 0)
        {
            var noun = errors.Count == 1 ? "error" : "errors";
            throw StsErrors.Validation($"{errors.Count} validation {noun} detected: {string.Join("; ", errors)}");
        }
    }

    // Java's \w (ASCII word characters), which is what the STS model means.
    [GeneratedRegex(@"^[A-Za-z0-9_+=,.@-]*\z")]
    private static partial Regex SessionNameRegex();

    [GeneratedRegex(@"^[A-Za-z0-9_+=,.@:/-]*\z")]
    private static partial Regex ExternalIdRegex();

    [GeneratedRegex(@"^[A-Za-z0-9_+=/:,.@-]*\z")]
    private static partial Regex SerialNumberRegex();

    [GeneratedRegex(@"^[0-9]*\z")]
    private static partial Regex TokenCodeRegex();

    [GeneratedRegex(@"^[\p{L}\p{Z}\p{N}_.:/=+\-@]+\z")]
    private static partial Regex TagKeyRegex();

    [GeneratedRegex(@"^[\p{L}\p{Z}\p{N}_.:/=+\-@]*\z")]
    private static partial Regex TagValueRegex();
}
