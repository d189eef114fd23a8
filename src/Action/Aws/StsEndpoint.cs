namespace Cac.Action.Aws;

/// <summary>Where STS calls go: an explicit URL, or the SDK's endpoint for the region (FIPS/dual-stack variants).</summary>
public sealed record StsEndpoint(string Region, string Url, bool UseFips, bool UseDualstack)
{
    /// <summary>What the plan and the job summary show.</summary>
    public string Describe()
    {
        if (Url.Length > 0)
        {
            return Url;
        }

        var variant = (UseFips, UseDualstack) switch
        {
            (true, true) => " (FIPS, dual-stack)",
            (true, false) => " (FIPS)",
            (false, true) => " (dual-stack)",
            _ => string.Empty,
        };
        return "regional STS endpoint of " + Region + variant;
    }
}
