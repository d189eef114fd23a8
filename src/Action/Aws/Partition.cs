using System;

namespace Cac.Action.Aws;

/// <summary>AWS partitions, derived from the region so that role names and hints use the right ARN prefix.</summary>
public static class Partition
{
    public static string FromRegion(string region)
    {
        // Order matters: the ISO prefixes are longer forms of each other's stems.
        if (region.StartsWith("cn-", StringComparison.Ordinal))
        {
            return "aws-cn";
        }

        if (region.StartsWith("us-gov-", StringComparison.Ordinal))
        {
            return "aws-us-gov";
        }

        if (region.StartsWith("us-isob-", StringComparison.Ordinal))
        {
            return "aws-iso-b";
        }

        if (region.StartsWith("us-isof-", StringComparison.Ordinal))
        {
            return "aws-iso-f";
        }

        if (region.StartsWith("eu-isoe-", StringComparison.Ordinal))
        {
            return "aws-iso-e";
        }

        if (region.StartsWith("us-iso-", StringComparison.Ordinal))
        {
            return "aws-iso";
        }

        return "aws";
    }

    /// <summary>The partition named by an ARN (<c>arn:PARTITION:...</c>), or <c>null</c> if it is not an ARN.</summary>
    public static string? FromArn(string arn)
    {
        var parts = arn.Split(':');
        return parts.Length >= 6 && parts[0] == "arn" ? parts[1] : null;
    }

    /// <summary>The account ID field of an ARN, or <c>null</c>.</summary>
    public static string? AccountFromArn(string arn)
    {
        var parts = arn.Split(':');
        return parts.Length >= 6 && parts[0] == "arn" && parts[4].Length > 0 ? parts[4] : null;
    }
}
