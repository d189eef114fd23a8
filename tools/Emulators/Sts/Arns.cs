namespace Cac.Emulators.Sts;

/// <summary>Pieces of ARNs (arn:partition:service:region:account:resource).</summary>
internal static class Arns
{
    public static string? Account(string arn) => Part(arn, 4);

    public static string Partition(string arn) => Part(arn, 1) ?? "aws";

    /// <summary>The role name without its path: arn:aws:iam::1:role/path/name gives "name".</summary>
    public static string RoleName(string roleArn)
    {
        var resource = Part(roleArn, 5) ?? roleArn;
        var slash = resource.LastIndexOf('/');
        return slash < 0 ? resource : resource[(slash + 1)..];
    }

    public static string AssumedRole(string roleArn, string sessionName) =>
        $"arn:{Partition(roleArn)}:sts::{Account(roleArn)}:assumed-role/{RoleName(roleArn)}/{sessionName}";

    private static string? Part(string arn, int index)
    {
        var parts = arn.Split(':', 6);
        return parts.Length == 6 && parts[0] == "arn" ? parts[index] : null;
    }
}
