using System;

namespace Cac.Emulators;

/// <summary>Start-time settings of an <see cref="SsoStandIn"/>.</summary>
public sealed record SsoStandInOptions
{
    /// <summary>The sso_region; the cache files and logins carry it.</summary>
    public string Region { get; init; } = "us-east-1";

    /// <summary>The AWS access portal URL (sso_start_url).</summary>
    public string StartUrl { get; init; } = "https://d-0123456789.awsapps.com/start";

    /// <summary>The user whose name becomes the role session name of issued credentials.</summary>
    public string UserName { get; init; } = "octocat";

    /// <summary>Lifetime of access tokens CreateToken issues (IAM Identity Center's default session is eight hours).</summary>
    public TimeSpan AccessTokenLifetime { get; init; } = TimeSpan.FromHours(8);

    public TimeProvider Time { get; init; } = TimeProvider.System;
}
