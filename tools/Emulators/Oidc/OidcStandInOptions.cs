namespace Cac.Emulators;

/// <summary>Start-time settings of an <see cref="OidcStandIn"/>; everything that tests change between runs is on <see cref="OidcBehavior"/>.</summary>
public sealed class OidcStandInOptions
{
    /// <summary>The <c>iss</c> claim. Defaults to GitHub's, so trust policies written for GitHub match.</summary>
    public string Issuer { get; init; } = "https://token.actions.githubusercontent.com";

    /// <summary>The bearer value for ACTIONS_ID_TOKEN_REQUEST_TOKEN; random when null.</summary>
    public string? RequestToken { get; init; }
}
